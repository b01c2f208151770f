using Mikrotik.Nano.Analyzers.Tests.Support;
using static Mikrotik.Nano.Analyzers.Tests.Support.Verify;

namespace Mikrotik.Nano.Analyzers.Tests;

/// <summary>MTN0001 (leading '/'), MTN0002 (malformed path), MTN0003 (misspelt verb).</summary>
public class PathTests
{
    [Fact]
    public Task The_issue_example_gets_the_error_and_the_warning()
    {
        string source = InMethod("client.Send(client.NewCommand().Path({|#0:\"interface/prnt\"|}), handler, 0).Dispose();");
        return Analyzer<CommandArgumentAnalyzer>(source,
            At(Descriptors.PathNeedsSlash).WithArguments("interface/prnt"),
            At(Descriptors.VerbMisspelt).WithArguments("prnt", "interface/prnt", "print"));
    }

    [Theory]
    [InlineData("/interface/print")]
    [InlineData("/system/identity/print")]
    [InlineData("/ip/firewall/address-list/print")]
    [InlineData("/ip/address/add")]
    [InlineData("/interface/listen")]
    [InlineData("/cancel")]
    [InlineData("/login")]
    [InlineData("/quit")]
    [InlineData("/ping")]
    [InlineData("/system/reboot")]
    [InlineData("/tool/torch")]
    [InlineData("/system/resource/cpu/print")]
    [InlineData("/interface/ethernet/monitor")]
    [InlineData("/Some_Menu/x.y/getall")]
    public Task Valid_paths_are_silent(string path)
    {
        return Analyzer<CommandArgumentAnalyzer>(InMethod($"int tag = connection.Send(connection.NewCommand().Path(\"{path}\"));"));
    }

    [Theory]
    [InlineData("interface/print")]
    [InlineData("print")]
    public Task A_path_without_leading_slash_is_an_error(string path)
    {
        return Analyzer<CommandArgumentAnalyzer>(
            InMethod($"int tag = connection.Send(buffer.Begin().Path({{|#0:\"{path}\"|}}));"),
            At(Descriptors.PathNeedsSlash).WithArguments(path));
    }

    [Theory]
    [InlineData("", "a path cannot be empty")]
    [InlineData("/", "'/' alone is not a command")]
    [InlineData("/interface/", "it must not end with '/'")]
    [InlineData("/interface//print", "it has an empty segment ('//')")]
    [InlineData("//print", "it has an empty segment ('//')")]
    [InlineData("/interface print", "character ' ' (space) is not allowed: segments are letters, digits, '-', '_' and '.'")]
    [InlineData("/ip/address=1/print", "character '=' is not allowed: segments are letters, digits, '-', '_' and '.'")]
    [InlineData("/interface/prïnt", "character U+00EF is not allowed: segments are letters, digits, '-', '_' and '.'")]
    public Task A_malformed_path_is_an_error_naming_the_rule(string path, string reason)
    {
        return Analyzer<CommandArgumentAnalyzer>(
            InMethod($"int tag = connection.Send(connection.NewCommand().Path({{|#0:\"{path}\"|}}));"),
            At(Descriptors.PathInvalid).WithArguments(path, reason));
    }

    [Fact]
    public Task A_null_path_is_an_error()
    {
        return Analyzer<CommandArgumentAnalyzer>(
            InMethod("int tag = connection.Send(connection.NewCommand().Path({|#0:null|}));"),
            At(Descriptors.PathInvalid).WithArguments("null", "a path cannot be null"));
    }

    [Theory]
    [InlineData("/interface/prnt", "prnt", "print")]
    [InlineData("/interface/pirnt", "pirnt", "print")]
    [InlineData("/interface/Print", "Print", "print")]
    [InlineData("/ip/address/remvoe", "remvoe", "remove")]
    [InlineData("/interface/disabel", "disabel", "disable")]
    [InlineData("/system/resource/getal", "getal", "getall")]
    [InlineData("/interface/lisen", "lisen", "listen")]
    [InlineData("/canel", "canel", "cancel")]
    [InlineData("/ip/address/ad", "ad", "add")]
    public Task A_misspelt_verb_is_a_warning_with_the_nearest_verb(string path, string verb, string suggestion)
    {
        return Analyzer<CommandArgumentAnalyzer>(
            InMethod($"int tag = connection.Send(connection.NewCommand().Path({{|#0:\"{path}\"|}}));"),
            At(Descriptors.VerbMisspelt).WithArguments(verb, path, suggestion));
    }

    [Fact]
    public Task Constants_and_concatenations_of_constants_are_checked()
    {
        string source = "using Mikrotik.Nano;\n"
            + "class C\n{\n"
            + "    const string Menu = \"interface\";\n"
            + "    static int M(ApiConnection connection) => connection.Send(connection.NewCommand().Path({|#0:Menu + \"/print\"|}));\n"
            + "}\n";
        return Analyzer<CommandArgumentAnalyzer>(source, At(Descriptors.PathNeedsSlash).WithArguments("interface/print"));
    }

    [Fact]
    public Task Paths_known_only_at_run_time_are_left_to_the_runtime()
    {
        return Analyzer<CommandArgumentAnalyzer>(
            "using Mikrotik.Nano;\nclass C\n{\n    static int M(ApiConnection connection, string menu) => connection.Send(connection.NewCommand().Path(menu + \"/prnt\"));\n}\n");
    }

    [Fact]
    public Task A_method_named_Path_elsewhere_is_not_the_builder()
    {
        return Analyzer<CommandArgumentAnalyzer>(
            "class Other\n{\n    public Other Path(string p) => this;\n    static void M() => new Other().Path(\"interface/prnt\");\n}\n");
    }
}
