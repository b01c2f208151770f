using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Mikrotik.Nano.Analyzers.Tests.Support;

/// <summary>
/// What the test compilations reference: the nanoFramework mscorlib (copied to refs/ at build
/// time) and the nano-compiled Core and Device loaded by this test host, i.e. exactly what a
/// nanoFramework app compiles against. No reference-assembly package is named, so the testing
/// library resolves nothing from a feed and nothing is downloaded while testing.
/// </summary>
internal static class NanoReferences
{
    /// <summary>A target with no reference package: only <see cref="Assemblies"/> are referenced.</summary>
    public static readonly ReferenceAssemblies None = new ReferenceAssemblies("netnano1.0");

    /// <summary>mscorlib (nanoFramework 1.17.11), Mikrotik.Nano.Core, Mikrotik.Nano.Device.</summary>
    public static readonly ImmutableArray<MetadataReference> Assemblies = ImmutableArray.Create<MetadataReference>(
        MetadataReference.CreateFromFile(Path.Combine(AppContext.BaseDirectory, "refs", "mscorlib.dll")),
        MetadataReference.CreateFromFile(typeof(CommandBuffer).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(ApiClient).Assembly.Location));
}
