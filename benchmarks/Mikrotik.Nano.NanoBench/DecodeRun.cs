using System;

namespace Mikrotik.Nano.NanoBench
{
    /// <summary>
    /// Decodes one reply stream through a fresh logged-in connection, fed in chunks of a fixed size
    /// (a transport read each), polling after every chunk. Only the feed-and-poll loop is timed.
    /// </summary>
    public static class DecodeRun
    {
        /// <summary>What a row is asked for after decoding.</summary>
        public const int TouchNothing = 0;

        /// <summary>Address list: <c>AttributeEquals("list", "blocked")</c> and <c>CopyValue("address")</c>.</summary>
        public const int TouchAddress = 1;

        /// <summary>Interfaces: <c>AttributeEquals("running", "true")</c> and the length of <c>name</c>.</summary>
        public const int TouchInterface = 2;

        private static readonly byte[] Scratch = new byte[64];

        /// <summary>Runs the stream once; throws when the replies are not what the stream holds.</summary>
        /// <param name="path">The command that asks for the stream.</param>
        /// <param name="stream">The router's answer, tagged for the first command after login.</param>
        /// <param name="rows">The <c>!re</c> rows in the stream.</param>
        /// <param name="chunk">Bytes per transport read.</param>
        /// <param name="touch">What each row is asked (one of the Touch constants).</param>
        /// <returns>Elapsed time in ticks (100 ns).</returns>
        public static long Run(string path, byte[] stream, int rows, int chunk, int touch)
        {
            Session session = new Session();
            ApiConnection c = session.Connection;
            c.Send(c.NewCommand().Path(path));
            c.CommitTransmitted(c.TransmitCount);

            int data = 0;
            int done = 0;
            long check = 0;
            long start = DateTime.UtcNow.Ticks;
            int at = 0;
            while (at < stream.Length)
            {
                int n = stream.Length - at;
                if (n > chunk)
                {
                    n = chunk;
                }

                at += session.Feed(stream, at, n);
                ConnectionEvent e;
                while ((e = c.Poll()) != ConnectionEvent.None)
                {
                    Reply reply = c.Reply;
                    if (e != ConnectionEvent.Reply)
                    {
                        throw new Exception("unexpected event " + e + " error " + c.Error);
                    }

                    if (reply.Type == ReplyType.Data)
                    {
                        data++;
                        if (touch == TouchAddress)
                        {
                            check += (reply.AttributeEquals("list", "blocked") ? 1 : 0) + reply.CopyValue("address", Scratch, 0, Scratch.Length);
                        }
                        else if (touch == TouchInterface)
                        {
                            check += (reply.AttributeEquals("running", "true") ? 1 : 0) + reply.GetValueLength(reply.FindAttribute("name"));
                        }
                    }
                    else if (reply.Type == ReplyType.Done)
                    {
                        done++;
                    }
                }
            }

            long elapsed = DateTime.UtcNow.Ticks - start;
            if (data != rows || done != 1 || (touch != TouchNothing && check <= rows))
            {
                throw new Exception("decoded " + data + " rows and " + done + " !done; expected " + rows + " and 1");
            }

            return elapsed;
        }
    }
}
