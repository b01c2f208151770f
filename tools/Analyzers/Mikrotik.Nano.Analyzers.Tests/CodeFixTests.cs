using static Mikrotik.Nano.Analyzers.Tests.Support.Verify;

namespace Mikrotik.Nano.Analyzers.Tests;

/// <summary>The three fixes: add the leading '/', replace a misspelt verb, remove spaces in a proplist.</summary>
public class CodeFixTests
{
    [Fact]
    public Task Adds_the_leading_slash()
    {
        return CodeFix<CommandArgumentAnalyzer, AddLeadingSlashCodeFix>(
            InMethod("int tag = connection.Send(connection.NewCommand().Path({|MTN0001:\"interface/print\"|}));"),
            InMethod("int tag = connection.Send(connection.NewCommand().Path(\"/interface/print\"));"));
    }

    [Fact]
    public Task Replaces_a_misspelt_verb()
    {
        return CodeFix<CommandArgumentAnalyzer, ReplaceVerbCodeFix>(
            InMethod("int tag = connection.Send(connection.NewCommand().Path({|MTN0003:\"/ip/address/remvoe\"|}).Attribute(\".id\", \"*1\"));"),
            InMethod("int tag = connection.Send(connection.NewCommand().Path(\"/ip/address/remove\").Attribute(\".id\", \"*1\"));"));
    }

    [Fact]
    public Task Both_fixes_repair_the_issue_example()
    {
        var test = "int tag = connection.Send(connection.NewCommand().Path({|MTN0001:{|MTN0003:\"interface/prnt\"|}|}));";
        return Task.WhenAll(
            CodeFix<CommandArgumentAnalyzer, AddLeadingSlashCodeFix>(InMethod(test),
                InMethod("int tag = connection.Send(connection.NewCommand().Path({|MTN0003:\"/interface/prnt\"|}));")),
            CodeFix<CommandArgumentAnalyzer, ReplaceVerbCodeFix>(InMethod(test),
                InMethod("int tag = connection.Send(connection.NewCommand().Path({|MTN0001:\"interface/print\"|}));")));
    }

    [Fact]
    public Task Removes_spaces_in_a_proplist()
    {
        return CodeFix<CommandArgumentAnalyzer, RemoveProplistSpacesCodeFix>(
            InMethod("int tag = connection.Send(connection.NewCommand().Path(\"/interface/print\").Proplist({|MTN0006:\"name, type ,running\"|}));"),
            InMethod("int tag = connection.Send(connection.NewCommand().Path(\"/interface/print\").Proplist(\"name,type,running\"));"));
    }

    [Fact]
    public Task No_space_fix_when_spaces_are_not_the_only_problem()
    {
        string source = InMethod("int tag = connection.Send(connection.NewCommand().Path(\"/interface/print\").Proplist({|MTN0006:\"name, a=b\"|}));");
        return CodeFix<CommandArgumentAnalyzer, RemoveProplistSpacesCodeFix>(source, source);
    }

    [Fact]
    public Task A_constant_declared_elsewhere_is_not_rewritten_at_the_call()
    {
        string source = "using Mikrotik.Nano;\nclass C\n{\n    const string P = \"interface/print\";\n"
            + "    static int M(ApiConnection connection) => connection.Send(connection.NewCommand().Path({|MTN0001:P|}));\n}\n";
        return CodeFix<CommandArgumentAnalyzer, AddLeadingSlashCodeFix>(source, source);
    }
}
