using System;
using System.Threading;

namespace Mikrotik.Nano.Samples
{
    /// <summary>
    /// Example 2: a streaming command (<c>/log/print =follow=</c>) on the background pump, cancelled
    /// by disposing its handle, then another command on the same connection. The same file runs on a
    /// board (Platform/Program.cs) and in a console (FollowLog.Host).
    /// </summary>
    public static class LogFollower
    {
        /// <summary>Prints the router's log and new entries for <paramref name="milliseconds"/>, then its identity.</summary>
        /// <param name="client">A connected client; the pump is started here and keeps running.</param>
        /// <param name="milliseconds">How long to follow.</param>
        /// <returns>The router's identity, read after the log was cancelled.</returns>
        public static string Follow(ApiClient client, int milliseconds)
        {
            // The pump thread reads the connection and runs each command's handler.
            client.StartPump();

            // Timeout 0: a streaming command has no end of its own. The handler runs on the pump thread.
            CommandHandle log = client.Send(client.NewCommand().Path("/log/print").Flag("follow"), new ReplyHandler(OnLogEntry), 0);
            Thread.Sleep(milliseconds);

            // Dispose sends /cancel for this command's tag; the router's trap and !done for it are
            // consumed by the client, and the connection stays usable.
            log.Dispose();

            string identity = client.ReadString(client.NewCommand().Path("/system/identity/print"), "name", 5000);
            Console.WriteLine("log cancelled; still connected to " + identity);
            return identity;
        }

        // On the pump thread, under the client's lock: keep it short. The reply is valid only during the call.
        private static void OnLogEntry(CommandHandle command, Reply reply)
        {
            if (reply == null)
            {
                // The command ended without its !done (connection lost, timeout): Error says why.
                Console.WriteLine("log ended: " + ErrorCodes.NameOf(command.Error));
            }
            else if (reply.Type == ReplyType.Data)
            {
                Console.WriteLine(reply.GetString("time") + " " + reply.GetString("topics") + " " + reply.GetString("message"));
            }
        }
    }
}
