using System;

namespace Mikrotik.Nano
{
    /// <summary>
    /// Parses RouterOS value formats where they lie, in bytes, allocating nothing: durations
    /// (<c>3d4h7m46s</c>, <c>1w2d</c>, <c>00:05:00</c>, <c>2d00:01:02</c>, <c>217us</c>,
    /// <c>1ms500us</c>) and booleans (<c>true</c>/<c>false</c>, <c>yes</c>/<c>no</c>). Decimal
    /// integers are <see cref="ByteText.TryParseInt64"/>. <see cref="Reply"/> offers the same by
    /// attribute name.
    /// </summary>
    public static class RouterOsValue
    {
        // Ticks (100 ns, TimeSpan's unit) per RouterOS duration unit.
        private const long TicksPerMicrosecond = 10;
        private const long TicksPerMillisecond = 10000;
        private const long TicksPerSecond = 10000000;
        private const long TicksPerMinute = 600000000;
        private const long TicksPerHour = 36000000000;
        private const long TicksPerDay = 864000000000;
        private const long TicksPerWeek = 6048000000000;

        // The ns unit divides instead: ReadUnit returns it negated, Add divides by it.
        private const long NanosecondsPerTick = 100;

        // One number never has more digits than this; it keeps every product checkable without overflow.
        private const int MaxDigits = 9;

        /// <summary>
        /// Parses a RouterOS duration: numbers with units <c>w d h m s ms us ns</c> (weeks are the
        /// largest unit), optionally ending in (or being only) a clock <c>hh:mm:ss[.fraction]</c>.
        /// Nanoseconds below TimeSpan's 100 ns resolution are dropped.
        /// </summary>
        /// <param name="buffer">The bytes.</param>
        /// <param name="offset">Where the value starts.</param>
        /// <param name="count">Its length.</param>
        /// <param name="value">The duration, or <see cref="TimeSpan.Zero"/> when the method returns false.</param>
        /// <returns>False when empty, not a duration (a bare number, an unknown unit, a sign, spaces), or too large for a TimeSpan.</returns>
        public static bool TryParseDuration(byte[] buffer, int offset, int count, out TimeSpan value)
        {
            value = TimeSpan.Zero;
            if (buffer == null || count <= 0 || offset < 0 || offset + count > buffer.Length)
            {
                return false;
            }

            long total = 0;
            int i = offset;
            int end = offset + count;
            while (i < end)
            {
                long number;
                if (!ReadNumber(buffer, end, ref i, out number) || i >= end)
                {
                    return false; // no digits, too many, or a bare number without a unit
                }

                long unit;
                if (buffer[i] == ':')
                {
                    long clock;
                    if (!ReadClock(buffer, end, number, ref i, out clock) || !Add(ref total, clock, 1))
                    {
                        return false;
                    }

                    break; // the clock ends the value (ReadClock checked)
                }

                if (!ReadUnit(buffer, end, ref i, out unit) || !Add(ref total, number, unit))
                {
                    return false;
                }
            }

            value = new TimeSpan(total);
            return true;
        }

        /// <summary>Parses a RouterOS boolean: <c>true</c> or <c>yes</c>, <c>false</c> or <c>no</c> (lower case, as the router sends them).</summary>
        /// <param name="buffer">The bytes.</param>
        /// <param name="offset">Where the value starts.</param>
        /// <param name="count">Its length.</param>
        /// <param name="value">The value, false when the method returns false.</param>
        /// <returns>False when the bytes are none of the four words.</returns>
        public static bool TryParseBool(byte[] buffer, int offset, int count, out bool value)
        {
            value = false;
            if (buffer == null || count < 0 || offset < 0 || offset + count > buffer.Length)
            {
                return false;
            }

            if (ByteText.EqualsText(buffer, offset, count, "true") || ByteText.EqualsText(buffer, offset, count, "yes"))
            {
                value = true;
                return true;
            }

            return ByteText.EqualsText(buffer, offset, count, "false") || ByteText.EqualsText(buffer, offset, count, "no");
        }

        // A unit after a number: w d h m s, or ms us ns. Advances past it.
        private static bool ReadUnit(byte[] text, int end, ref int i, out long ticks)
        {
            byte unit = text[i++];
            bool subSecond = (unit == 'm' || unit == 'u' || unit == 'n') && i < end && text[i] == 's';
            if (subSecond)
            {
                i++;
            }

            ticks = 0;
            if (unit == 'w') ticks = TicksPerWeek;
            else if (unit == 'd') ticks = TicksPerDay;
            else if (unit == 'h') ticks = TicksPerHour;
            else if (unit == 's') ticks = TicksPerSecond;
            else if (unit == 'm') ticks = subSecond ? TicksPerMillisecond : TicksPerMinute;
            else if (unit == 'u' && subSecond) ticks = TicksPerMicrosecond;
            else if (unit == 'n' && subSecond) ticks = -NanosecondsPerTick;
            else return false;

            return true;
        }

        // total += number * unit (a negative unit divides: nanoseconds), refusing overflow.
        private static bool Add(ref long total, long number, long unit)
        {
            long part;
            if (unit < 0)
            {
                part = number / -unit;
            }
            else
            {
                if (number > long.MaxValue / unit)
                {
                    return false;
                }

                part = number * unit;
            }

            if (part > long.MaxValue - total)
            {
                return false;
            }

            total += part;
            return true;
        }

        // hh:mm:ss with an optional .fraction, in ticks; the hours are already read and i is at the ':'.
        // It must end the value.
        private static bool ReadClock(byte[] text, int end, long hours, ref int i, out long ticks)
        {
            ticks = 0;
            i++;
            long minutes;
            if (!ReadNumber(text, end, ref i, out minutes) || minutes > 59 || i >= end || text[i] != ':')
            {
                return false;
            }

            i++;
            long seconds;
            if (!ReadNumber(text, end, ref i, out seconds) || seconds > 59)
            {
                return false;
            }

            long fraction = 0;
            if (i < end && text[i] == '.')
            {
                i++;
                if (!ReadFraction(text, end, ref i, out fraction))
                {
                    return false;
                }
            }

            if (i != end || hours > (long.MaxValue - TicksPerHour) / TicksPerHour)
            {
                return false;
            }

            ticks = (hours * TicksPerHour) + (minutes * TicksPerMinute) + (seconds * TicksPerSecond) + fraction;
            return true;
        }

        // Decimal fraction of a second in ticks: the first seven digits count, further digits are dropped.
        private static bool ReadFraction(byte[] text, int end, ref int i, out long ticks)
        {
            ticks = 0;
            int digits = 0;
            while (i < end && text[i] >= '0' && text[i] <= '9')
            {
                if (digits < 7)
                {
                    ticks = (ticks * 10) + (text[i] - '0');
                }

                digits++;
                i++;
            }

            for (int d = digits; d < 7; d++)
            {
                ticks *= 10;
            }

            return digits > 0;
        }

        private static bool ReadNumber(byte[] text, int end, ref int i, out long number)
        {
            number = 0;
            int start = i;
            while (i < end && text[i] >= '0' && text[i] <= '9')
            {
                if (i - start >= MaxDigits)
                {
                    return false;
                }

                number = (number * 10) + (text[i] - '0');
                i++;
            }

            return i > start;
        }
    }
}
