using Mikrotik.Nano.Analyzers.Rules;

namespace Mikrotik.Nano.Analyzers.Tests;

/// <summary>The typo check of a path's final segment: the verbs are known, typos are caught, menu words are left alone.</summary>
public class VerbTests
{
    [Theory]
    [InlineData("print")]
    [InlineData("getall")]
    [InlineData("get")]
    [InlineData("set")]
    [InlineData("add")]
    [InlineData("remove")]
    [InlineData("enable")]
    [InlineData("disable")]
    [InlineData("listen")]
    [InlineData("monitor")]
    [InlineData("reset")]
    [InlineData("cancel")]
    [InlineData("login")]
    [InlineData("quit")]
    public void The_usual_verbs_are_known(string verb)
    {
        Assert.True(Verbs.IsKnown(verb));
        Assert.Null(Verbs.Misspelt(verb));
    }

    [Fact]
    public void No_known_verb_is_taken_for_a_typo_of_another()
    {
        Assert.All(Verbs.All, verb => Assert.Null(Verbs.Misspelt(verb)));
    }

    [Theory]
    [InlineData("prnt", "print")]
    [InlineData("pritn", "print")]
    [InlineData("prints", "print")]
    [InlineData("gettall", "getall")]
    [InlineData("st", "set")]
    [InlineData("remov", "remove")]
    [InlineData("enabel", "enable")]
    [InlineData("dsiable", "disable")]
    [InlineData("moniter", "monitor")]
    [InlineData("rest", "reset")]
    [InlineData("quti", "quit")]
    [InlineData("logn", "login")]
    [InlineData("PRINT", "print")]
    public void Typos_get_the_nearest_verb(string word, string verb)
    {
        Assert.Equal(verb, Verbs.Misspelt(word));
    }

    [Theory]
    [InlineData("lease")]
    [InlineData("list")]
    [InlineData("user")]
    [InlineData("file")]
    [InlineData("identity")]
    [InlineData("resource")]
    [InlineData("address-list")]
    [InlineData("port")]
    [InlineData("log")]
    [InlineData("bridge")]
    [InlineData("x")]
    public void Words_far_from_every_verb_are_left_alone(string word)
    {
        Assert.Null(Verbs.Misspelt(word));
    }
}
