using static Mikrotik.Nano.Analyzers.Tests.Support.Verify;

namespace Mikrotik.Nano.Analyzers.Tests;

/// <summary>MTN0006 and MTN0007 (proplist), MTN0008 (?# operations).</summary>
public class ProplistAndOperationsTests
{
    private const string Send = "int tag = connection.Send(connection.NewCommand().Path(\"/interface/print\")";

    [Theory]
    [InlineData("name")]
    [InlineData("name,type,running")]
    [InlineData(".id,address,list")]
    [InlineData("uptime,cpu-load,free-memory")]
    public Task Valid_proplists_are_silent(string names)
    {
        return Analyzer<CommandArgumentAnalyzer>(InMethod(Send + ".Proplist(\"" + names + "\"));"));
    }

    [Theory]
    [InlineData("name, type", "it cannot contain spaces: write names separated by ',' only")]
    [InlineData(" name", "it cannot contain spaces: write names separated by ',' only")]
    [InlineData("", "it cannot be empty")]
    [InlineData("name=x", "'=' cannot appear in attribute names")]
    [InlineData("naïve", "character U+00EF is not allowed: names are printable ASCII")]
    public Task An_invalid_proplist_is_an_error_naming_the_rule(string names, string reason)
    {
        return Analyzer<CommandArgumentAnalyzer>(
            InMethod(Send + ".Proplist({|#0:\"" + names + "\"|}));"),
            At(Descriptors.ProplistInvalid).WithArguments(names, reason));
    }

    [Theory]
    [InlineData("name,,type")]
    [InlineData(",name")]
    [InlineData("name,")]
    public Task An_empty_proplist_entry_is_a_warning(string names)
    {
        return Analyzer<CommandArgumentAnalyzer>(
            InMethod(Send + ".Proplist({|#0:\"" + names + "\"|}));"),
            At(Descriptors.ProplistEmptyEntry).WithArguments(names));
    }

    [Theory]
    [InlineData("|")]
    [InlineData("!&")]
    [InlineData("0|1|.")]
    [InlineData("!")]
    public Task Valid_operations_are_silent(string operations)
    {
        return Analyzer<CommandArgumentAnalyzer>(InMethod(Send + ".QueryEquals(\"a\", \"1\").QueryEquals(\"b\", \"2\").QueryOperations(\"" + operations + "\"));"));
    }

    [Theory]
    [InlineData("", "it cannot be empty")]
    [InlineData("or", "character 'o' is not an operation: use '!', '&', '|', '.' or a stack index digit")]
    [InlineData("| ", "character ' ' (space) is not an operation: use '!', '&', '|', '.' or a stack index digit")]
    [InlineData("#|", "character '#' is not an operation: use '!', '&', '|', '.' or a stack index digit")]
    [InlineData("&&-1", "character '-' is not an operation: use '!', '&', '|', '.' or a stack index digit")]
    public Task Invalid_operations_are_an_error_naming_the_rule(string operations, string reason)
    {
        return Analyzer<CommandArgumentAnalyzer>(
            InMethod(Send + ".QueryOperations({|#0:\"" + operations + "\"|}));"),
            At(Descriptors.OperationsInvalid).WithArguments(operations, reason));
    }
}
