using System;

namespace Mikrotik.Nano.Tests.Support
{
    /// <summary>
    /// A router inside a transport, on the caller's thread: each sentence the client writes is
    /// answered at once into a reply buffer that the next reads drain. No thread, no timer, and
    /// nothing allocated after construction, so heap growth measured around it is the client's.
    /// Answers /login and /cancel with !done, /interface/print with three rows and !done, and
    /// anything else with one row (=name=MikroTik) and !done, each under the sentence's tag.
    /// </summary>
    internal sealed class LoopbackRouter : ITransport
    {
        private static readonly byte[] Re = Word("!re");
        private static readonly byte[] Done = Word("!done");
        private static readonly byte[] Identity = Word("=name=MikroTik");
        private static readonly byte[] Ether1 = Word("=name=ether1");
        private static readonly byte[] Ether2 = Word("=name=ether2");
        private static readonly byte[] Ether3 = Word("=name=ether3");
        private static readonly byte[] Mtu = Word("=mtu=1500");

        private readonly byte[] _in = new byte[1024];
        private readonly byte[] _out = new byte[4096];
        private int _inLength;
        private int _outStart;
        private int _outEnd;
        private int _tagAt;
        private int _tagLength;
        private bool _closed;

        /// <summary>Sentences answered.</summary>
        internal int Answered;

        /// <summary>Opens the stream again (a reconnect) with nothing pending.</summary>
        internal void Reopen()
        {
            _inLength = 0;
            _outStart = 0;
            _outEnd = 0;
            _closed = false;
        }

        public int Read(byte[] buffer, int offset, int count, int timeoutMilliseconds)
        {
            if (_closed)
            {
                return 0;
            }

            int n = _outEnd - _outStart;
            if (n == 0)
            {
                return -1;
            }

            if (n > count) n = count;
            Array.Copy(_out, _outStart, buffer, offset, n);
            _outStart += n;
            if (_outStart == _outEnd)
            {
                _outStart = 0;
                _outEnd = 0;
            }

            return n;
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            Array.Copy(buffer, offset, _in, _inLength, count);
            _inLength += count;
            int at = 0;
            int sentenceStart = 0;
            int first = -1;
            _tagAt = -1;
            while (true)
            {
                uint size;
                int prefix;
                if (!WireLength.TryRead(_in, at, _inLength - at, out size, out prefix) || _inLength - at - prefix < (int)size)
                {
                    break;
                }

                at += prefix;
                if (size == 0)
                {
                    Answer(first);
                    first = -1;
                    _tagAt = -1;
                    sentenceStart = at;
                    continue;
                }

                if (first < 0)
                {
                    first = at;
                }
                else if (size > 5 && _in[at] == '.' && _in[at + 1] == 't')
                {
                    _tagAt = at;
                    _tagLength = (int)size;
                }

                at += (int)size;
            }

            Array.Copy(_in, sentenceStart, _in, 0, _inLength - sentenceStart);
            _inLength -= sentenceStart;
        }

        public void Flush()
        {
        }

        public void Close()
        {
            _closed = true;
        }

        private void Answer(int first)
        {
            Answered++;
            if (Is(first, "/interface/print"))
            {
                Row(Ether1);
                Row(Ether2);
                Row(Ether3);
            }
            else if (!Is(first, "/login") && !Is(first, "/cancel"))
            {
                Put(Re);
                Put(Identity);
                Tag();
            }

            Put(Done);
            Tag();
        }

        private void Row(byte[] name)
        {
            Put(Re);
            Put(name);
            Put(Mtu);
            Tag();
        }

        private void Tag()
        {
            if (_tagAt >= 0)
            {
                _out[_outEnd++] = (byte)_tagLength;
                Array.Copy(_in, _tagAt, _out, _outEnd, _tagLength);
                _outEnd += _tagLength;
            }

            _out[_outEnd++] = 0;
        }

        private void Put(byte[] word)
        {
            Array.Copy(word, 0, _out, _outEnd, word.Length);
            _outEnd += word.Length;
        }

        private bool Is(int at, string path)
        {
            if (at < 1 || _in[at - 1] != path.Length)
            {
                return false;
            }

            for (int i = 0; i < path.Length; i++)
            {
                if (_in[at + i] != path[i])
                {
                    return false;
                }
            }

            return true;
        }

        private static byte[] Word(string text)
        {
            byte[] word = new byte[text.Length + 1];
            word[0] = (byte)text.Length;
            for (int i = 0; i < text.Length; i++)
            {
                word[i + 1] = (byte)text[i];
            }

            return word;
        }
    }
}
