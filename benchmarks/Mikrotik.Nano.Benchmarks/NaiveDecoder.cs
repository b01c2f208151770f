using System;
using System.Collections.Generic;
using System.Text;

namespace Mikrotik.Nano.Benchmarks
{
    /// <summary>
    /// What a user could otherwise write: a straightforward decoder that reads each word into a
    /// new byte[] and string, collects a sentence as a string[], and maps its attributes into a
    /// dictionary. Correct, simple, and it allocates per word. Only for comparison.
    /// </summary>
    public sealed class NaiveDecoder
    {
        private readonly List<string> _words = new List<string>();
        private byte[] _pending = new byte[0];

        public int Sentences { get; private set; }
        public long Checksum { get; private set; }

        public void Feed(byte[] data, int offset, int count)
        {
            // Append to whatever was left over (a new array per read, as such clients do).
            byte[] all = new byte[_pending.Length + count];
            Buffer.BlockCopy(_pending, 0, all, 0, _pending.Length);
            Buffer.BlockCopy(data, offset, all, _pending.Length, count);
            int at = 0;
            while (true)
            {
                uint length;
                int prefix;
                if (!WireLength.TryRead(all, at, all.Length - at, out length, out prefix) || all.Length - at - prefix < (int)length)
                {
                    break;
                }

                at += prefix;
                if (length == 0)
                {
                    Sentence(_words.ToArray());
                    _words.Clear();
                    continue;
                }

                byte[] word = new byte[length];
                Buffer.BlockCopy(all, at, word, 0, (int)length);
                _words.Add(Encoding.UTF8.GetString(word));
                at += (int)length;
            }

            _pending = new byte[all.Length - at];
            Buffer.BlockCopy(all, at, _pending, 0, _pending.Length);
        }

        private void Sentence(string[] words)
        {
            var attributes = new Dictionary<string, string>();
            for (int i = 1; i < words.Length; i++)
            {
                string w = words[i];
                if (w.StartsWith("="))
                {
                    int eq = w.IndexOf('=', 1);
                    attributes[eq < 0 ? w.Substring(1) : w.Substring(1, eq - 1)] = eq < 0 ? string.Empty : w.Substring(eq + 1);
                }
                else if (w.StartsWith(".tag="))
                {
                    attributes[".tag"] = w.Substring(5);
                }
            }

            Sentences++;
            string v;
            if (attributes.TryGetValue("running", out v) && v == "true") Checksum++;
            if (attributes.TryGetValue("address", out v)) Checksum += v.Length;
        }
    }
}
