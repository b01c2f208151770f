using System;
using System.Threading;

namespace Mikrotik.Nano.Benchmarks
{
    /// <summary>
    /// A minimal, allocation-free router on its own thread for the round-trip and footprint
    /// measurements: it decodes each sentence the client sends, and answers by command word
    /// with canned replies carrying the sentence's tag. Not a simulator: no state, no checks.
    /// </summary>
    public sealed class FastRouter
    {
        // Canned replies (static: answering allocates nothing).
        private static readonly string[] DoneReply = { "!done" };
        private static readonly string[] ResourceRow = { "!re", "=uptime=2w3d4h5m6s", "=cpu-load=7", "=free-memory=31514624", "=total-memory=67108864" };
        private static readonly string[] InterfaceRow1 = { "!re", "=name=ether1", "=running=true", "=disabled=false" };
        private static readonly string[] InterfaceRow2 = { "!re", "=name=ether2", "=running=false", "=disabled=false" };
        private static readonly string[] InterfaceRow3 = { "!re", "=name=wlan1", "=running=true", "=disabled=false" };
        private static readonly string[] InterfaceRow4 = { "!re", "=name=bridge", "=running=true", "=disabled=false" };
        private static readonly string[] PingRow1 = { "!re", "=seq=0", "=host=192.0.2.254", "=time=1ms", "=sent=1", "=received=1", "=packet-loss=0" };
        private static readonly string[] PingRow2 = { "!re", "=seq=1", "=host=192.0.2.254", "=time=1ms", "=sent=2", "=received=2", "=packet-loss=0" };
        private static readonly string[] PingRow3 = { "!re", "=seq=2", "=host=192.0.2.254", "=time=1ms", "=sent=3", "=received=3", "=packet-loss=0" };
        private static readonly string[] IdentityRow = { "!re", "=name=MikroTik" };

        private readonly ITransport _transport;
        private readonly Thread _thread;
        private readonly byte[] _in = new byte[65536];
        private readonly byte[] _out = new byte[65536];
        private readonly int[] _wordStart = new int[64];
        private readonly int[] _wordLength = new int[64];
        private int _outCount;
        private volatile bool _stopped;

        public FastRouter(ITransport transport)
        {
            _transport = transport;
            _thread = new Thread(Run) { IsBackground = true, Name = "FastRouter" };
        }

        /// <summary>Sentences answered so far.</summary>
        public long Answered;

        public void Start()
        {
            _thread.Start();
        }

        public void Stop()
        {
            _stopped = true;
            _transport.Close();
            _thread.Join();
        }

        private void Run()
        {
            int length = 0;
            int words = 0;
            while (!_stopped)
            {
                int n;
                try
                {
                    n = _transport.Read(_in, length, _in.Length - length, 100);
                }
                catch (Exception)
                {
                    return;
                }

                if (n == 0) return;
                if (n < 0) continue;
                length += n;
                int at = 0;
                words = 0;
                int sentenceStart = 0;
                while (true)
                {
                    uint size;
                    int prefix;
                    if (!WireLength.TryRead(_in, at, length - at, out size, out prefix) || length - at - prefix < (int)size)
                    {
                        break;
                    }

                    at += prefix;
                    if (size == 0)
                    {
                        Answer(words);
                        words = 0;
                        sentenceStart = at;
                        continue;
                    }

                    if (words < _wordStart.Length)
                    {
                        _wordStart[words] = at;
                        _wordLength[words] = (int)size;
                        words++;
                    }

                    at += (int)size;
                }

                // Keep the unfinished sentence (decoded again once complete).
                Buffer.BlockCopy(_in, sentenceStart, _in, 0, length - sentenceStart);
                length -= sentenceStart;
                if (_outCount > 0)
                {
                    try
                    {
                        _transport.Write(_out, 0, _outCount);
                        _transport.Flush();
                    }
                    catch (Exception)
                    {
                        return;
                    }

                    _outCount = 0;
                }
            }
        }

        private void Answer(int words)
        {
            int tagWord = -1;
            for (int i = 1; i < words; i++)
            {
                if (StartsWith(i, ".tag="))
                {
                    tagWord = i;
                }
            }

            Answered++;
            if (Is(0, "/login") || Is(0, "/cancel"))
            {
                Reply(tagWord, DoneReply);
            }
            else if (Is(0, "/system/resource/print"))
            {
                Reply(tagWord, ResourceRow);
                Reply(tagWord, DoneReply);
            }
            else if (Is(0, "/interface/print"))
            {
                Reply(tagWord, InterfaceRow1);
                Reply(tagWord, InterfaceRow2);
                Reply(tagWord, InterfaceRow3);
                Reply(tagWord, InterfaceRow4);
                Reply(tagWord, DoneReply);
            }
            else if (Is(0, "/system/script/print"))
            {
                // No maintenance flag on this router.
                Reply(tagWord, DoneReply);
            }
            else if (Is(0, "/ping"))
            {
                Reply(tagWord, PingRow1);
                Reply(tagWord, PingRow2);
                Reply(tagWord, PingRow3);
                Reply(tagWord, DoneReply);
            }
            else
            {
                Reply(tagWord, IdentityRow);
                Reply(tagWord, DoneReply);
            }
        }

        private void Reply(int tagWord, string[] words)
        {
            for (int i = 0; i < words.Length; i++)
            {
                WriteText(words[i]);
            }

            Finish(tagWord);
        }

        private void Finish(int tagWord)
        {
            if (tagWord >= 0)
            {
                WritePrefix(_wordLength[tagWord]);
                Buffer.BlockCopy(_in, _wordStart[tagWord], _out, _outCount, _wordLength[tagWord]);
                _outCount += _wordLength[tagWord];
            }

            _out[_outCount++] = 0;
        }

        private void WriteText(string text)
        {
            WritePrefix(text.Length);
            for (int i = 0; i < text.Length; i++)
            {
                _out[_outCount++] = (byte)text[i];
            }
        }

        private void WritePrefix(int n)
        {
            if (n < 0x80)
            {
                _out[_outCount++] = (byte)n;
            }
            else
            {
                _out[_outCount++] = (byte)(0x80 | (n >> 8));
                _out[_outCount++] = (byte)n;
            }
        }

        private bool Is(int word, string text)
        {
            return _wordLength[word] == text.Length && StartsWith(word, text);
        }

        private bool StartsWith(int word, string text)
        {
            if (_wordLength[word] < text.Length) return false;
            int at = _wordStart[word];
            for (int i = 0; i < text.Length; i++)
            {
                if (_in[at + i] != text[i]) return false;
            }

            return true;
        }
    }
}
