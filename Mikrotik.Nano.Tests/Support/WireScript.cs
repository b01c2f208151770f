using System;
using System.Collections;
using nanoFramework.TestFramework;

namespace Mikrotik.Nano.Tests.Support
{
    /// <summary>
    /// Test-side wire helpers, written independently of the core's encoder (lengths by <see cref="WireLength"/>) so the two check each
    /// other: build router sentences from words, feed them to a connection in chunks, and read
    /// back what the connection transmitted.
    /// </summary>
    internal static class WireScript
    {
        private static readonly Utf8TextDecoder Text = new Utf8TextDecoder();

        /// <summary>Encodes one sentence (words then the terminator).</summary>
        internal static byte[] Sentence(params string[] words)
        {
            byte[][] parts = new byte[words.Length + 1][];
            for (int i = 0; i < words.Length; i++)
            {
                parts[i] = Word(words[i]);
            }

            parts[words.Length] = new byte[] { 0 };
            return Concat(parts);
        }

        /// <summary>Encodes one word of ASCII text with its length prefix.</summary>
        internal static byte[] Word(string text)
        {
            byte[] content = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                content[i] = (byte)text[i];
            }

            return WordBytes(content);
        }

        /// <summary>Prefixes raw bytes with their length.</summary>
        internal static byte[] WordBytes(byte[] content)
        {
            byte[] prefix = new byte[WireLength.MaxPrefixSize];
            int n = WireLength.Write((uint)content.Length, prefix, 0);
            byte[] word = new byte[n + content.Length];
            Array.Copy(prefix, 0, word, 0, n);
            Array.Copy(content, 0, word, n, content.Length);
            return word;
        }

        /// <summary>Joins byte arrays.</summary>
        internal static byte[] Concat(params byte[][] parts)
        {
            int total = 0;
            for (int i = 0; i < parts.Length; i++)
            {
                total += parts[i].Length;
            }

            byte[] result = new byte[total];
            int at = 0;
            for (int i = 0; i < parts.Length; i++)
            {
                Array.Copy(parts[i], 0, result, at, parts[i].Length);
                at += parts[i].Length;
            }

            return result;
        }

        /// <summary>Feeds bytes through PrepareReceive/CommitReceived in chunks of at most <paramref name="chunk"/>.</summary>
        /// <returns>The number of bytes accepted (less than all when the buffer filled up).</returns>
        internal static int Feed(ApiConnection connection, byte[] data, int chunk)
        {
            int at = 0;
            int n;
            while (at < data.Length && (n = FeedChunk(connection, data, at, chunk)) > 0)
            {
                at += n;
            }

            return at;
        }

        /// <summary>Receives one read of at most <paramref name="chunk"/> bytes of <paramref name="data"/> from <paramref name="at"/>; returns how many were taken.</summary>
        internal static int FeedChunk(ApiConnection connection, byte[] data, int at, int chunk)
        {
            int offset;
            int room = connection.PrepareReceive(out offset);
            int n = data.Length - at;
            if (n > chunk) n = chunk;
            if (n > room) n = room;
            if (n > 0)
            {
                // Committing 0 would tell the connection the peer ended the stream.
                Array.Copy(data, at, connection.ReceiveBuffer, offset, n);
                connection.CommitReceived(n);
            }

            return n;
        }

        /// <summary>Feeds everything, polling after every chunk; returns the events seen in order, as ints.</summary>
        internal static ArrayList FeedAndPoll(ApiConnection connection, byte[] data, int chunk)
        {
            ArrayList events = new ArrayList();
            int at = 0;
            while (true)
            {
                ConnectionEvent e;
                while ((e = connection.Poll()) != ConnectionEvent.None)
                {
                    events.Add((int)e);
                }

                if (at >= data.Length || connection.State == ConnectionState.Closed)
                {
                    return events;
                }

                at += FeedChunk(connection, data, at, chunk);
            }
        }

        /// <summary>Takes everything the connection has to transmit and splits it into sentences of words.</summary>
        internal static ArrayList Transmitted(ApiConnection connection)
        {
            ArrayList sentences = new ArrayList();
            ArrayList words = new ArrayList();
            byte[] buffer = connection.TransmitBuffer;
            int at = connection.TransmitOffset;
            int end = at + connection.TransmitCount;
            while (at < end)
            {
                uint length;
                int prefix;
                Assert.IsTrue(WireLength.TryRead(buffer, at, end - at, out length, out prefix), "transmit buffer holds a partial word");
                at += prefix;
                if (length == 0)
                {
                    sentences.Add((string[])words.ToArray(typeof(string)));
                    words.Clear();
                    continue;
                }

                words.Add(Text.Decode(buffer, at, (int)length));
                at += (int)length;
            }

            Assert.AreEqual(0, words.Count, "transmit buffer ends inside a sentence");
            connection.CommitTransmitted(connection.TransmitCount);
            return sentences;
        }

        /// <summary>The words of the only sentence transmitted.</summary>
        internal static string[] SingleTransmitted(ApiConnection connection)
        {
            ArrayList sentences = Transmitted(connection);
            Assert.AreEqual(1, sentences.Count, "expected exactly one transmitted sentence");
            return (string[])sentences[0];
        }

        /// <summary>The value of <c>.tag=</c> in a transmitted sentence.</summary>
        internal static string TagOf(string[] words)
        {
            for (int i = 0; i < words.Length; i++)
            {
                if (words[i].StartsWith(".tag="))
                {
                    return words[i].Substring(5);
                }
            }

            return null;
        }

        /// <summary>A connection that has completed a plain login.</summary>
        internal static ApiConnection LoggedIn(ConnectionOptions options)
        {
            ApiConnection connection = new ApiConnection(options);
            connection.Login("admin", "secret");
            string[] login = SingleTransmitted(connection);
            Feed(connection, Sentence("!done", ".tag=" + TagOf(login)), 1024);
            Assert.AreEqual((int)ConnectionEvent.LoginSucceeded, (int)connection.Poll());
            return connection;
        }

        /// <summary>Asserts the next event and returns the reply view.</summary>
        internal static Reply Expect(ApiConnection connection, ConnectionEvent expected)
        {
            Assert.AreEqual((int)expected, (int)connection.Poll(), "unexpected event");
            return connection.Reply;
        }

        /// <summary>Asserts two word lists are equal.</summary>
        internal static void AssertWords(string[] expected, string[] actual)
        {
            Assert.AreEqual(expected.Length, actual.Length, "word count");
            for (int i = 0; i < expected.Length; i++)
            {
                Assert.AreEqual(expected[i], actual[i], "word " + i.ToString());
            }
        }
    }
}
