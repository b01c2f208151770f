using System;

namespace Mikrotik.Nano.NanoBench
{
    /// <summary>
    /// Writes RouterOS API sentences into one growing byte array: each word is a length prefix and
    /// its bytes, a sentence ends with a zero-length word. ASCII text only (the benchmark's streams are).
    /// Used outside the timed sections.
    /// </summary>
    public sealed class WireStream
    {
        private byte[] _data;
        private int _length;

        /// <summary>Creates an empty stream with room for <paramref name="capacity"/> bytes (it grows).</summary>
        /// <param name="capacity">The first capacity in bytes.</param>
        public WireStream(int capacity)
        {
            _data = new byte[capacity];
        }

        /// <summary>The number of bytes written.</summary>
        public int Length
        {
            get { return _length; }
        }

        /// <summary>The number of sentences written.</summary>
        public int Sentences { get; private set; }

        /// <summary>Writes one word.</summary>
        /// <param name="text">The word, ASCII.</param>
        public void Word(string text)
        {
            int n = text.Length;
            Reserve(n + 2);
            if (n < 0x80)
            {
                _data[_length++] = (byte)n;
            }
            else
            {
                _data[_length++] = (byte)(0x80 | (n >> 8));
                _data[_length++] = (byte)n;
            }

            for (int i = 0; i < n; i++)
            {
                _data[_length++] = (byte)text[i];
            }
        }

        /// <summary>Ends the sentence with the empty word.</summary>
        public void End()
        {
            Reserve(1);
            _data[_length++] = 0;
            Sentences++;
        }

        /// <summary>The bytes written, in an array of exactly that length.</summary>
        /// <returns>A copy of the stream.</returns>
        public byte[] ToArray()
        {
            byte[] copy = new byte[_length];
            Array.Copy(_data, copy, _length);
            return copy;
        }

        private void Reserve(int count)
        {
            if (_length + count <= _data.Length)
            {
                return;
            }

            int size = _data.Length * 2;
            while (size < _length + count)
            {
                size *= 2;
            }

            byte[] bigger = new byte[size];
            Array.Copy(_data, bigger, _length);
            _data = bigger;
        }
    }
}
