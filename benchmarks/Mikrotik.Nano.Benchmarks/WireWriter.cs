using System;
using System.Collections.Generic;
using System.Text;

namespace Mikrotik.Nano.Benchmarks
{
    /// <summary>
    /// Builds router reply streams for the benchmarks (host code, allocation is fine here).
    /// Written independently of the core's encoder. Tags are written as a fixed-width 7-digit
    /// field (".tag=0000042") whose positions are recorded, so a stream can be re-tagged for the
    /// next round of commands without re-encoding it; the core parses leading zeros as the same tag.
    /// </summary>
    public sealed class WireWriter
    {
        public const int TagDigits = 7;

        private readonly List<byte> _bytes = new List<byte>(1 << 20);
        private readonly List<int> _tagOffsets = new List<int>();
        private readonly List<int> _tagCommands = new List<int>();

        public int Sentences { get; private set; }

        /// <summary>Appends one sentence: the words, a <c>.tag</c> for command <paramref name="command"/> (relative to the round), the terminator.</summary>
        public void Sentence(int command, params string[] words)
        {
            foreach (string w in words)
            {
                Word(Encoding.UTF8.GetBytes(w));
            }

            if (command >= 0)
            {
                byte[] tag = Encoding.ASCII.GetBytes(".tag=" + new string('0', TagDigits));
                WritePrefix(tag.Length);
                _tagOffsets.Add(_bytes.Count + 5);
                _tagCommands.Add(command);
                _bytes.AddRange(tag);
            }

            _bytes.Add(0);
            Sentences++;
        }

        public int Length
        {
            get { return _bytes.Count; }
        }

        public byte[] ToArray()
        {
            return _bytes.ToArray();
        }

        public int[] TagOffsets()
        {
            return _tagOffsets.ToArray();
        }

        public int[] TagCommands()
        {
            return _tagCommands.ToArray();
        }

        private void Word(byte[] content)
        {
            WritePrefix(content.Length);
            _bytes.AddRange(content);
        }

        private void WritePrefix(int n)
        {
            if (n < 0x80)
            {
                _bytes.Add((byte)n);
            }
            else if (n < 0x4000)
            {
                _bytes.Add((byte)(0x80 | (n >> 8)));
                _bytes.Add((byte)n);
            }
            else if (n < 0x200000)
            {
                _bytes.Add((byte)(0xC0 | (n >> 16)));
                _bytes.Add((byte)(n >> 8));
                _bytes.Add((byte)n);
            }
            else
            {
                throw new ArgumentOutOfRangeException(nameof(n));
            }
        }

        /// <summary>Writes <paramref name="tag"/> as 7 decimal digits at each recorded offset (tag = base + command index).</summary>
        public static void Retag(byte[] data, int[] offsets, int[] commands, int start, int end, int baseTag)
        {
            for (int i = start; i < end; i++)
            {
                int tag = baseTag + commands[i];
                if (tag >= 10_000_000)
                {
                    throw new InvalidOperationException("tag field too narrow");
                }

                int at = offsets[i] + TagDigits - 1;
                for (int d = 0; d < TagDigits; d++)
                {
                    data[at - d] = (byte)('0' + tag % 10);
                    tag /= 10;
                }
            }
        }
    }
}
