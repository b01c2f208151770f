namespace Mikrotik.Nano.Tests.Support
{
    /// <summary>
    /// Answers of a well-behaved RouterOS for the commands the client tests use, as the API
    /// notes describe them. Scripts handle what they care about and fall back to <see cref="Answer"/>.
    /// </summary>
    internal static class RouterBehaviour
    {
        /// <summary>Answers login, identity, interfaces (3 rows), streaming log (3 rows, runs until cancelled), /cancel, /quit.</summary>
        internal static void Answer(ScriptedRouter router, string[] words)
        {
            string t = ".tag=" + ScriptedRouter.Tag(words);
            switch (words[0])
            {
                case "/login":
                    router.Reply("!done", t);
                    break;
                case "/system/identity/print":
                    router.Reply("!re", "=name=MikroTik", t);
                    router.Reply("!done", t);
                    break;
                case "/interface/print":
                    router.Reply("!re", "=.id=*1", "=name=ether1", "=running=true", t);
                    router.Reply("!re", "=.id=*2", "=name=ether2", "=running=false", t);
                    router.Reply("!re", "=.id=*3", "=name=wlan1", "=running=true", t);
                    router.Reply("!done", t);
                    break;
                case "/system/health/print":
                    // One value of every kind the typed getters read.
                    router.Reply("!re", "=uptime=3d4h7m46s", "=fan-ok=yes", "=temperature=47", "=bytes=8589934592", "=note=a=b", t);
                    router.Reply("!done", t);
                    break;
                case "/log/print":
                    router.Reply("!re", "=message=one", t);
                    router.Reply("!re", "=message=two", t);
                    router.Reply("!re", "=message=three", t);
                    break;
                case "/cancel":
                    string target = words.Length > 1 && words[1].StartsWith("=tag=") ? words[1].Substring(5) : null;
                    if (target != null)
                    {
                        router.Reply("!trap", "=category=2", "=message=interrupted", ".tag=" + target);
                    }

                    router.Reply("!done", t);
                    if (target != null)
                    {
                        router.Reply("!done", ".tag=" + target);
                    }

                    break;
                case "/quit":
                    router.Reply("!fatal", "session terminated on request");
                    router.Close();
                    break;
                default:
                    router.Reply("!trap", "=message=no such command prefix", t);
                    router.Reply("!done", t);
                    break;
            }
        }
    }
}
