using static Mikrotik.Nano.Analyzers.Tests.Support.Verify;

namespace Mikrotik.Nano.Analyzers.Tests;

/// <summary>MTN0004 (attribute, flag and query names) and MTN0005 (.proplist through Attribute).</summary>
public class NameTests
{
    private const string Send = "int tag = connection.Send(connection.NewCommand().Path(\"/interface/print\")";

    [Theory]
    [InlineData(".Attribute(\"name\", \"ether1\")")]
    [InlineData(".Attribute(\".id\", \"*1\")")]
    [InlineData(".Attribute(\"count\", 4)")]
    [InlineData(".Attribute(\"comment\", \"a=b c\")")]
    [InlineData(".Flag(\"follow-only\")")]
    [InlineData(".QueryHas(\"disabled\")")]
    [InlineData(".QueryLacks(\"comment\")")]
    [InlineData(".QueryEquals(\"type\", \"ether\")")]
    [InlineData(".QueryEqualsAttribute(\"-odd\", \"x\")")]
    [InlineData(".QueryLess(\"mtu\", \"1500\")")]
    [InlineData(".QueryGreater(\"mtu\", \"1500\")")]
    [InlineData(".Attribute(\"proplist\", \"x\")")]
    public Task Valid_names_are_silent(string step)
    {
        return Analyzer<CommandArgumentAnalyzer>(InMethod(Send + step + ");"));
    }

    [Theory]
    [InlineData("Attribute", ", \"x\"", "=name", "a name cannot start with '=': the builder writes the '=' itself")]
    [InlineData("Attribute", ", 1", "name=x", "'=' separates a name from its value and cannot appear in a name")]
    [InlineData("Attribute", ", new byte[1], 0, 1", "", "a name cannot be empty")]
    [InlineData("Flag", "", "follow only", "character ' ' (space) is not allowed: names are printable ASCII without spaces")]
    [InlineData("QueryHas", "", "naïve", "character U+00EF is not allowed: names are printable ASCII without spaces")]
    [InlineData("QueryLacks", "", "=comment", "a name cannot start with '=': the builder writes the '=' itself")]
    [InlineData("QueryEquals", ", \"ether\"", "type=", "'=' separates a name from its value and cannot appear in a name")]
    [InlineData("QueryEqualsAttribute", ", \"x\"", "a b", "character ' ' (space) is not allowed: names are printable ASCII without spaces")]
    [InlineData("QueryLess", ", \"1\"", "", "a name cannot be empty")]
    [InlineData("QueryGreater", ", \"1\"", "mtu\\t", "character U+0009 is not allowed: names are printable ASCII without spaces")]
    public Task An_invalid_name_is_an_error_naming_the_rule(string method, string rest, string name, string reason)
    {
        string shown = name.Replace("\\t", "\\u0009");
        return Analyzer<CommandArgumentAnalyzer>(
            InMethod(Send + "." + method + "({|#0:\"" + name + "\"|}" + rest + "));"),
            At(Descriptors.NameInvalid).WithArguments(shown, reason));
    }

    [Theory]
    [InlineData("Attribute({|#0:\".proplist\"|}, \"name\")", "Attribute")]
    [InlineData("Flag({|#0:\".proplist\"|})", "Flag")]
    public Task Proplist_through_Attribute_is_a_warning(string step, string method)
    {
        return Analyzer<CommandArgumentAnalyzer>(
            InMethod(Send + "." + step + ");"),
            At(Descriptors.ProplistThroughAttribute).WithArguments(".proplist", method));
    }
}
