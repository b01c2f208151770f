using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Mikrotik.Nano.HostTests.StandIn;

/// <summary>
/// The comparer on small assemblies compiled here: a "real" one and a "stand-in" that equals it, then
/// with one planted difference per test, each of which must be reported.
/// </summary>
public sealed class ApiSurfaceTests : IDisposable
{
    private const string Real = """
        using System;
        namespace TestFrameworkShared
        {
            public class AssertFailedException : Exception
            {
                public AssertFailedException(string msg) : base(msg) { }
            }
        }
        namespace nanoFramework.TestFramework
        {
            [AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
            public class DataRowAttribute : Attribute
            {
                public DataRowAttribute(params object[] methodParameters) { MethodParameters = methodParameters; }
                public object[] MethodParameters { get; }
            }
            public sealed class Assert
            {
                public static void AreEqual(int expected, int actual, string message = "") { }
                public static void SkipTest(string message = null) { }
                [Obsolete("Use IsTrue.")]
                public static void True(bool condition, string message = "") { }
                private static void Hidden() { }
            }
            public static class TestExtensions
            {
                public static bool SequenceEqual(this Array a, Array b) => default;
            }
        }
        """;

    private readonly string _folder = Directory.CreateTempSubdirectory("api-surface-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void IdenticalSurfacesHaveNoDifference()
    {
        Assert.Empty(Compare(Real));
    }

    [Fact]
    public void PrivateMembersAndBodiesDoNotCount()
    {
        var standIn = Real.Replace("private static void Hidden() { }", "private static int Other() => 1;")
            .Replace("public static void SkipTest(string message = null) { }", "public static void SkipTest(string message = null) { throw new Exception(); }");

        Assert.Empty(Compare(standIn));
    }

    [Fact]
    public void TypeInAnotherNamespaceIsReported()
    {
        var standIn = Real.Replace("namespace TestFrameworkShared", "namespace nanoFramework.TestFramework");

        var differences = Compare(standIn);

        Assert.Contains(differences, d => d.StartsWith("missing from the stand-in: T:TestFrameworkShared.AssertFailedException", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("not in the real assembly: T:nanoFramework.TestFramework.AssertFailedException", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("public sealed class Assert", "public static class Assert", "T:nanoFramework.TestFramework.Assert")]
    [InlineData("string message = null", "string message = \"\"", "M:nanoFramework.TestFramework.Assert.SkipTest(String)")]
    [InlineData("int expected, int actual, string message = \"\"", "int expected, int actual, string message", "M:nanoFramework.TestFramework.Assert.AreEqual(Int32,Int32,String)")]
    [InlineData("int expected, int actual", "int notExpected, int actual", "M:nanoFramework.TestFramework.Assert.AreEqual(Int32,Int32,String)")]
    [InlineData("[Obsolete(\"Use IsTrue.\")]", "", "M:nanoFramework.TestFramework.Assert.True(Boolean,String)")]
    [InlineData("public class DataRowAttribute", "public sealed class DataRowAttribute", "T:nanoFramework.TestFramework.DataRowAttribute")]
    [InlineData("AllowMultiple = true", "AllowMultiple = false", "T:nanoFramework.TestFramework.DataRowAttribute")]
    [InlineData("params object[] methodParameters", "object[] methodParameters", "M:nanoFramework.TestFramework.DataRowAttribute..ctor(Object[])")]
    [InlineData("bool SequenceEqual(this Array a", "bool SequenceEqual(Array a", "M:nanoFramework.TestFramework.TestExtensions.SequenceEqual(System.Array,System.Array)")]
    [InlineData("public static bool SequenceEqual", "public static int SequenceEqual", "M:nanoFramework.TestFramework.TestExtensions.SequenceEqual(System.Array,System.Array)")]
    public void ChangedDeclarationIsReported(string real, string planted, string key)
    {
        Assert.Contains(real, Real);

        var differences = Compare(Real.Replace(real, planted));

        Assert.Contains(differences, d => d.StartsWith("differs: " + key + " — real `", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("public static void SkipTest(string message = null)", "M:nanoFramework.TestFramework.Assert.SkipTest(String)")]
    [InlineData("public object[] MethodParameters", "P:nanoFramework.TestFramework.DataRowAttribute.MethodParameters")]
    public void MemberNoLongerPublicIsReported(string member, string key)
    {
        var differences = Compare(Real.Replace(member, member.Replace("public ", "internal ")));

        Assert.Contains(differences, d => d.StartsWith("missing from the stand-in: " + key + " — add `", StringComparison.Ordinal));
    }

    [Fact]
    public void ExtraPublicMemberIsReported()
    {
        var standIn = Real.Replace("private static void Hidden()", "public static void Hidden()");

        var difference = Assert.Single(Compare(standIn));

        Assert.StartsWith("not in the real assembly: M:nanoFramework.TestFramework.Assert.Hidden()", difference);
    }

    [Fact]
    public void OverloadWithAnotherParameterTypeIsReported()
    {
        var standIn = Real.Replace("AreEqual(int expected, int actual", "AreEqual(long expected, long actual");

        var differences = Compare(standIn);

        Assert.Contains(differences, d => d.StartsWith("missing from the stand-in: M:nanoFramework.TestFramework.Assert.AreEqual(Int32,Int32,String)", StringComparison.Ordinal));
        Assert.Contains(differences, d => d.StartsWith("not in the real assembly: M:nanoFramework.TestFramework.Assert.AreEqual(Int64,Int64,String)", StringComparison.Ordinal));
    }

    private IReadOnlyList<string> Compare(string standInSource) =>
        ApiSurface.Compare(Compile("Real", Real), Compile("StandIn", standInSource));

    private string Compile(string name, string source)
    {
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => Path.GetFileName(p) is "System.Runtime.dll" or "System.Private.CoreLib.dll")
            .Select(p => MetadataReference.CreateFromFile(p));
        var compilation = CSharpCompilation.Create(
            name,
            [CSharpSyntaxTree.ParseText(source)],
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var path = Path.Combine(_folder, name + ".dll");
        var result = compilation.Emit(path);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error)));
        return path;
    }
}
