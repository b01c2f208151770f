using System;
using System.Collections;
using System.Threading;

namespace Mikrotik.Nano.Tests.Support
{
    /// <summary>
    /// The router end of an in-memory transport pair, on its own thread: it decodes each sentence
    /// the client sends and hands it to a script, which answers with <see cref="Reply"/>.
    /// Written independently of the client's decoder.
    /// </summary>
    internal sealed class ScriptedRouter
    {
        private readonly InMemoryTransport _transport;
        private readonly RouterScript _script;
        private readonly Thread _thread;
        private readonly ArrayList _received = new ArrayList();
        private readonly Utf8TextDecoder _text = new Utf8TextDecoder();
        private bool _stopped;

        private ScriptedRouter(InMemoryTransport transport, RouterScript script)
        {
            _transport = transport;
            _script = script;
            _thread = new Thread(Run);
        }

        /// <summary>Creates the pair, starts the router, and returns the client's end.</summary>
        internal static ScriptedRouter Start(RouterScript script, out InMemoryTransport client)
        {
            InMemoryTransport router;
            InMemoryTransport.CreatePair(2048, out client, out router);
            ScriptedRouter r = new ScriptedRouter(router, script);
            r._thread.Start();
            return r;
        }

        /// <summary>Every sentence received so far (string[] each).</summary>
        internal ArrayList Received
        {
            get
            {
                lock (_received)
                {
                    return (ArrayList)_received.Clone();
                }
            }
        }

        /// <summary>Whether a received sentence starts with <paramref name="command"/> and holds <paramref name="word"/> (null: any).</summary>
        internal bool HasReceived(string command, string word)
        {
            ArrayList all = Received;
            for (int i = 0; i < all.Count; i++)
            {
                string[] words = (string[])all[i];
                if (words[0] != command) continue;
                if (word == null) return true;
                for (int w = 1; w < words.Length; w++)
                {
                    if (words[w] == word) return true;
                }
            }

            return false;
        }

        /// <summary>Sends one reply sentence.</summary>
        internal void Reply(params string[] words)
        {
            WriteRaw(WireScript.Sentence(words));
        }

        /// <summary>Sends raw bytes.</summary>
        internal void WriteRaw(byte[] bytes)
        {
            try
            {
                _transport.Write(bytes, 0, bytes.Length);
            }
            catch (Exception)
            {
                // The client has gone; tests check what the client saw.
            }
        }

        /// <summary>Closes the connection from the router's side and stops.</summary>
        internal void Close()
        {
            _stopped = true;
            _transport.Close();
        }

        /// <summary>Stops the router thread and waits for it.</summary>
        internal void Stop()
        {
            Close();
            _thread.Join();
        }

        /// <summary>The value of <c>.tag=</c> in <paramref name="words"/>, or null.</summary>
        internal static string Tag(string[] words)
        {
            return WireScript.TagOf(words);
        }

        private void Run()
        {
            // Small enough for a board's heap; every test sentence is far shorter.
            byte[] buffer = new byte[4096];
            int length = 0;
            ArrayList words = new ArrayList();
            while (!_stopped)
            {
                int n = _transport.Read(buffer, length, buffer.Length - length, 50);
                if (n == 0) return;
                if (n < 0) continue;
                length += n;
                int at = 0;
                while (true)
                {
                    uint size;
                    int prefix;
                    if (!WireLength.TryRead(buffer, at, length - at, out size, out prefix) || length - at - prefix < (int)size)
                    {
                        break;
                    }

                    at += prefix;
                    if (size == 0)
                    {
                        string[] sentence = (string[])words.ToArray(typeof(string));
                        words.Clear();
                        lock (_received)
                        {
                            _received.Add(sentence);
                        }

                        _script(this, sentence);
                        continue;
                    }

                    words.Add(_text.Decode(buffer, at, (int)size));
                    at += (int)size;
                }

                Array.Copy(buffer, at, buffer, 0, length - at);
                length -= at;
            }
        }
    }
}
