using static Mikrotik.Nano.Analyzers.Tests.Support.Verify;

namespace Mikrotik.Nano.Analyzers.Tests;

/// <summary>MTN0009 (command built but never sent) and MTN0010 (CommandHandle never disposed).</summary>
public class LifetimeTests
{
    [Theory]
    [InlineData("{|#0:client.NewCommand().Path(\"/interface/print\")|};", "'/interface/print'")]
    [InlineData("{|#0:buffer.Begin().Path(\"/ip/address/add\").Attribute(\"address\", \"10.0.0.1/24\")|};", "'/ip/address/add'")]
    [InlineData("{|#0:connection.NewCommand().Path(\"/log/print\").Flag(\"follow\").Proplist(\"message\")|};", "'/log/print'")]
    public Task A_chain_used_as_a_statement_is_never_sent(string statement, string described)
    {
        return Analyzer<CommandLifetimeAnalyzer>(InMethod(statement), At(Descriptors.NeverSent).WithArguments(described));
    }

    [Fact]
    public Task A_local_command_that_is_never_passed_on_is_never_sent()
    {
        return Analyzer<CommandLifetimeAnalyzer>(
            InMethod("CommandWriter {|#0:command = client.NewCommand().Path(\"/interface/print\")|};\ncommand.Flag(\"detail\");\ncommand = command.Proplist(\"name\");"),
            At(Descriptors.NeverSent).WithArguments("'command'"));
    }

    [Theory]
    [InlineData("int tag = connection.Send(connection.NewCommand().Path(\"/interface/print\"));")]
    [InlineData("CommandWriter command = buffer.Begin().Path(\"/interface/print\");\ncommand.Flag(\"detail\");\nint tag = connection.Send(command);")]
    [InlineData("var command = client.NewCommand().Path(\"/interface/print\");\nusing (client.Send(command, handler, 0)) { }")]
    [InlineData("string name = client.ReadString(client.NewCommand().Path(\"/system/identity/print\"), \"name\", 1000);")]
    [InlineData("System.Action a = () => buffer.Begin().Path(\"/interface/print\");")]
    [InlineData("buffer.Begin();")]
    [InlineData("CommandWriter unused;")]
    public Task Commands_that_are_sent_are_silent(string statements)
    {
        return Analyzer<CommandLifetimeAnalyzer>(InMethod(statements));
    }

    [Fact]
    public Task A_command_returned_to_the_caller_is_silent()
    {
        return Analyzer<CommandLifetimeAnalyzer>(
            "using Mikrotik.Nano;\nclass C\n{\n"
            + "    static CommandWriter Build(CommandBuffer buffer) { var c = buffer.Begin().Path(\"/interface/print\"); c.Flag(\"detail\"); return c; }\n"
            + "    static CommandWriter Build2(CommandBuffer buffer) => buffer.Begin().Path(\"/interface/print\");\n"
            + "    static void Add(CommandWriter writer) { writer.Flag(\"detail\"); }\n"
            + "}\n");
    }

    [Theory]
    [InlineData("{|#0:client.Send(client.NewCommand().Path(\"/log/print\").Flag(\"follow\"), handler, 0)|};", "returned by Send")]
    [InlineData("CommandHandle {|#0:log = client.Send(client.NewCommand().Path(\"/log/print\").Flag(\"follow\"), handler, 0)|};\nbool active = log.IsActive;", "'log'")]
    [InlineData("var {|#0:h = client.Send(client.NewCommand().Path(\"/interface/listen\"))|};\nh.Cancel();", "'h'")]
    [InlineData("var {|#0:h = client.Send(client.NewCommand().Path(\"/interface/listen\"))|};\nif (h.IsActive) { client.Poll(10); }", "'h'")]
    public Task A_handle_that_is_never_disposed_is_a_warning(string statements, string described)
    {
        return Analyzer<CommandLifetimeAnalyzer>(InMethod(statements), At(Descriptors.HandleNotDisposed).WithArguments(described));
    }

    [Theory]
    [InlineData("CommandHandle log = client.Send(client.NewCommand().Path(\"/log/print\"), handler, 0);\nlog.Dispose();")]
    [InlineData("using (CommandHandle log = client.Send(client.NewCommand().Path(\"/log/print\"), handler, 0)) { }")]
    [InlineData("using CommandHandle log = client.Send(client.NewCommand().Path(\"/log/print\"), handler, 0);")]
    [InlineData("var log = client.Send(client.NewCommand().Path(\"/log/print\"), handler, 0);\nusing (log) { }")]
    [InlineData("_ = client.Send(client.NewCommand().Path(\"/quit\"), handler, 0);")]
    [InlineData("CommandHandle[] all = new CommandHandle[1];\nall[0] = client.Send(client.NewCommand().Path(\"/log/print\"), handler, 0);")]
    [InlineData("var log = client.Send(client.NewCommand().Path(\"/log/print\"), handler, 0);\nKeep(log);")]
    [InlineData("CommandHandle[] all = new CommandHandle[1];\nall[0] = client.Send(client.NewCommand().Path(\"/log/print\"), handler, 0);\nCommandHandle copy = all[0];\nbool active = copy.IsActive;")]
    [InlineData("var log = client.Send(client.NewCommand().Path(\"/log/print\"), handler, 0);\nSystem.Action stop = () => log.Dispose();")]
    [InlineData("int tag = client.Send(client.NewCommand().Path(\"/system/identity/print\"), handler, 1000).Tag;")]
    [InlineData("var h = client.Send(client.NewCommand().Path(\"/system/identity/print\"));\nwhile (h.IsActive) { client.Poll(10); }")]
    [InlineData("var h = client.Send(client.NewCommand().Path(\"/system/identity/print\"));\ndo { client.Poll(10); } while (h.IsActive && h.Error == ErrorCode.None);")]
    public Task Handles_that_are_disposed_or_kept_are_silent(string statements)
    {
        string source = InMethod(statements).Replace("\n}\n", "\n    static void Keep(CommandHandle h) { h.Dispose(); }\n}\n");
        return Analyzer<CommandLifetimeAnalyzer>(source);
    }

    [Fact]
    public Task A_handle_returned_to_the_caller_is_silent()
    {
        return Analyzer<CommandLifetimeAnalyzer>(
            "using Mikrotik.Nano;\nclass C\n{\n"
            + "    static CommandHandle Start(ApiClient client, ReplyHandler handler) { var h = client.Send(client.NewCommand().Path(\"/log/print\"), handler, 0); return h; }\n"
            + "    CommandHandle _kept;\n"
            + "    void Keep(ApiClient client, ReplyHandler handler) { var h = client.Send(client.NewCommand().Path(\"/log/print\"), handler, 0); _kept = h; }\n"
            + "}\n");
    }

    [Fact]
    public Task Locals_in_local_functions_and_lambdas_are_reported_once()
    {
        return Analyzer<CommandLifetimeAnalyzer>(
            InMethod("void Local() { var {|#0:h = client.Send(client.NewCommand().Path(\"/log/print\"), handler, 0)|}; }\nLocal();\n"
                + "System.Action a = () => { var {|#1:g = client.Send(client.NewCommand().Path(\"/log/print\"), handler, 0)|}; };"),
            At(Descriptors.HandleNotDisposed, 0).WithArguments("'h'"),
            At(Descriptors.HandleNotDisposed, 1).WithArguments("'g'"));
    }
}
