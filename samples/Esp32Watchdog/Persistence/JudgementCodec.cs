using System;
using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Persistence
{
    /// <summary>
    /// The binary form of the kept judgement: a versioned header, one record per router found by
    /// name, and a CRC-32 over everything before it. Little-endian throughout.
    /// </summary>
    /// <remarks>
    /// <code>
    /// offset size  field
    /// 0      4     magic "WDHS"
    /// 4      2     version (1)
    /// 6      2     total length in bytes, CRC included
    /// 8      4     sequence number (the higher of two valid copies is the newer)
    /// 12     8     board lifetime in ms at the write
    /// 20     1     router records that follow
    /// 21     1     action slots per record (K when written)
    /// per router:
    ///        1     name length n (at most 32 characters)
    ///        2n    name, UTF-16 code units
    ///        1     flags: 1 given up, 2 holding, 4 hold by flag, 8 flag seen
    ///        8     hold end, lifetime ms
    ///        1     consecutive actions (0-255)
    ///        1     action count m (at most the slots)
    ///        8m    action times, lifetime ms
    /// end    4     CRC-32 of every byte before it
    /// </code>
    /// A copy is valid only when its magic, version, length, CRC and every record's bounds hold.
    /// Reading is conservative: an action later than the copy's own lifetime (impossible unless the
    /// copy lies) is read as taken at that lifetime, as recent as possible; a hold's remaining
    /// length is capped by the policy when it is restored.
    /// </remarks>
    public static class JudgementCodec
    {
        /// <summary>The record format's version; any other is refused (and read conservatively by the store).</summary>
        public const int Version = 1;

        /// <summary>The most characters of a router name kept: the key is the name cut to this length.</summary>
        public const int MaxNameChars = 32;

        private const int HeaderLength = 22;
        private const int CrcLength = 4;
        private const byte FlagGivenUp = 1;
        private const byte FlagHolding = 2;
        private const byte FlagHoldByFlag = 4;
        private const byte FlagSeen = 8;

        /// <summary>The largest copy for this many routers and action slots.</summary>
        /// <param name="routers">Router records.</param>
        /// <param name="actionSlots">Action slots per record.</param>
        /// <returns>Bytes.</returns>
        public static int MaxLength(int routers, int actionSlots)
        {
            return HeaderLength + routers * (1 + 2 * MaxNameChars + 1 + 8 + 1 + 1 + 8 * actionSlots) + CrcLength;
        }

        /// <summary>Writes a copy.</summary>
        /// <param name="routers">The routers' judgements (all of them; at most 255).</param>
        /// <param name="sequence">This copy's sequence number.</param>
        /// <param name="lifetimeMilliseconds">The board's lifetime now.</param>
        /// <param name="buffer">Receives the copy; at least <see cref="MaxLength"/> bytes.</param>
        /// <returns>The copy's length.</returns>
        /// <exception cref="ArgumentException">Too many routers or action slots, or a buffer too small.</exception>
        public static int Encode(RouterJudgement[] routers, uint sequence, long lifetimeMilliseconds, byte[] buffer)
        {
            int slots = 0;
            for (int r = 0; r < routers.Length; r++)
            {
                slots = routers[r].ActionSlots > slots ? routers[r].ActionSlots : slots;
            }

            if (routers.Length > 255 || slots > 255 || buffer.Length < MaxLength(routers.Length, slots))
            {
                throw new ArgumentException("history copy does not fit");
            }

            buffer[0] = (byte)'W';
            buffer[1] = (byte)'D';
            buffer[2] = (byte)'H';
            buffer[3] = (byte)'S';
            PutInt(buffer, 4, Version, 2);
            PutInt(buffer, 8, sequence, 4);
            PutInt(buffer, 12, lifetimeMilliseconds, 8);
            buffer[20] = (byte)routers.Length;
            buffer[21] = (byte)slots;
            int at = HeaderLength;
            for (int r = 0; r < routers.Length; r++)
            {
                RouterJudgement j = routers[r];
                string name = j.Name == null ? string.Empty : j.Name;
                int n = name.Length > MaxNameChars ? MaxNameChars : name.Length;
                buffer[at++] = (byte)n;
                for (int c = 0; c < n; c++)
                {
                    PutInt(buffer, at, name[c], 2);
                    at += 2;
                }

                byte flags = 0;
                flags |= j.GivenUp ? FlagGivenUp : (byte)0;
                flags |= j.Holding ? FlagHolding : (byte)0;
                flags |= j.HoldByFlag ? FlagHoldByFlag : (byte)0;
                flags |= j.FlagSeen ? FlagSeen : (byte)0;
                buffer[at++] = flags;
                PutInt(buffer, at, j.HoldEndsAt, 8);
                at += 8;
                buffer[at++] = (byte)(j.ConsecutiveActions < 0 ? 0 : (j.ConsecutiveActions > 255 ? 255 : j.ConsecutiveActions));
                buffer[at++] = (byte)j.ActionCount;
                for (int a = 0; a < j.ActionCount; a++)
                {
                    PutInt(buffer, at, j.ActionTimes[a], 8);
                    at += 8;
                }
            }

            int length = at + CrcLength;
            PutInt(buffer, 6, length, 2);
            PutInt(buffer, at, Crc32.Compute(buffer, 0, at), 4);
            return length;
        }

        /// <summary>Checks that the first <paramref name="length"/> bytes of <paramref name="buffer"/> are one valid copy.</summary>
        /// <param name="buffer">What was read.</param>
        /// <param name="length">How many bytes were read.</param>
        /// <returns>Null when valid, else a short reason.</returns>
        public static string Check(byte[] buffer, int length)
        {
            if (length < HeaderLength + CrcLength)
            {
                return "too short (" + length.ToString() + " B)";
            }

            if (buffer[0] != 'W' || buffer[1] != 'D' || buffer[2] != 'H' || buffer[3] != 'S')
            {
                return "not a history copy";
            }

            int version = (int)GetInt(buffer, 4, 2);
            if (version != Version)
            {
                return "version " + version.ToString() + " unknown";
            }

            int total = (int)GetInt(buffer, 6, 2);
            if (total < HeaderLength + CrcLength || total > length)
            {
                return "cut short (" + length.ToString() + " of " + total.ToString() + " B)";
            }

            if ((uint)GetInt(buffer, total - CrcLength, 4) != Crc32.Compute(buffer, 0, total - CrcLength))
            {
                return "checksum mismatch";
            }

            int slots = buffer[21];
            int at = HeaderLength;
            int end = total - CrcLength;
            for (int r = 0; r < buffer[20]; r++)
            {
                if (at >= end)
                {
                    return "record " + r.ToString() + " missing";
                }

                int n = buffer[at];
                at += 1 + 2 * n + 1 + 8 + 1;
                if (n > MaxNameChars || at >= end || buffer[at] > slots)
                {
                    return "record " + r.ToString() + " malformed";
                }

                at += 1 + 8 * buffer[at];
                if (at > end)
                {
                    return "record " + r.ToString() + " malformed";
                }
            }

            return at == end ? null : "trailing bytes";
        }

        /// <summary>The sequence number of a checked copy.</summary>
        /// <param name="buffer">A copy that passed <see cref="Check"/>.</param>
        /// <returns>Its sequence number.</returns>
        public static uint SequenceOf(byte[] buffer)
        {
            return (uint)GetInt(buffer, 8, 4);
        }

        /// <summary>The board lifetime a checked copy was written at.</summary>
        /// <param name="buffer">A copy that passed <see cref="Check"/>.</param>
        /// <returns>Milliseconds (never negative).</returns>
        public static long LifetimeOf(byte[] buffer)
        {
            long lifetime = GetInt(buffer, 12, 8);
            return lifetime < 0 ? 0 : lifetime;
        }

        /// <summary>
        /// Reads the record of the router named <c>into.Name</c> (cut to <see cref="MaxNameChars"/>)
        /// from a checked copy, conservatively (see the remarks). The most recent actions are kept
        /// when the copy has more than <c>into</c> has room for.
        /// </summary>
        /// <param name="buffer">A copy that passed <see cref="Check"/>.</param>
        /// <param name="into">Names the router; receives its record (the name is left as it is).</param>
        /// <returns>False when the copy has no record of that name (<paramref name="into"/> is then cleared).</returns>
        public static bool Find(byte[] buffer, RouterJudgement into)
        {
            into.Clear();
            long lifetime = LifetimeOf(buffer);
            string name = into.Name == null ? string.Empty : into.Name;
            int wanted = name.Length > MaxNameChars ? MaxNameChars : name.Length;
            int at = HeaderLength;
            for (int r = 0; r < buffer[20]; r++)
            {
                int n = buffer[at++];
                bool same = n == wanted;
                for (int c = 0; same && c < n; c++)
                {
                    same = (char)GetInt(buffer, at + 2 * c, 2) == name[c];
                }

                at += 2 * n;
                byte flags = buffer[at++];
                long holdEnds = GetInt(buffer, at, 8);
                at += 8;
                int consecutive = buffer[at++];
                int count = buffer[at++];
                if (!same)
                {
                    at += 8 * count;
                    continue;
                }

                into.GivenUp = (flags & FlagGivenUp) != 0;
                into.Holding = (flags & FlagHolding) != 0;
                into.HoldByFlag = (flags & FlagHoldByFlag) != 0;
                into.FlagSeen = (flags & FlagSeen) != 0;
                into.HoldEndsAt = holdEnds;
                into.ConsecutiveActions = consecutive;
                for (int a = 0; a < count; a++)
                {
                    long time = GetInt(buffer, at, 8);
                    at += 8;
                    into.AddAction(time > lifetime || time < 0 ? lifetime : time);
                }

                return true;
            }

            return false;
        }

        private static void PutInt(byte[] buffer, int at, long value, int bytes)
        {
            for (int i = 0; i < bytes; i++)
            {
                buffer[at + i] = (byte)(value >> (8 * i));
            }
        }

        private static long GetInt(byte[] buffer, int at, int bytes)
        {
            long value = 0;
            for (int i = 0; i < bytes; i++)
            {
                value |= (long)buffer[at + i] << (8 * i);
            }

            return value;
        }
    }
}
