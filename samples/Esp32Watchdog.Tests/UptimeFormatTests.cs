using System;
using Mikrotik.Nano;
using Xunit;

namespace Esp32Watchdog.Tests
{
    /// <summary>
    /// The uptime formats the watchdog relies on, in whole seconds as the probe reports them. The
    /// parser is the library's (<see cref="RouterOsValue"/>); its own tests are in Mikrotik.Nano.Tests.
    /// </summary>
    public class UptimeFormatTests
    {
        [Theory]
        [InlineData("1w3d1h2m1s", 867721)]
        [InlineData("0s", 0)]
        [InlineData("45s", 45)]
        [InlineData("3w", 1814400)]
        [InlineData("2d", 172800)]
        [InlineData("5h30m", 19800)]
        [InlineData("1m", 60)]
        [InlineData("01:22:53", 4973)]
        [InlineData("00:00:00", 0)]
        [InlineData("2d00:01:02", 172862)]
        [InlineData("1w2d03:04:05", 788645)]
        [InlineData("123:00:00", 442800)]
        [InlineData("1s500ms", 1)]
        [InlineData("136us", 0)]
        [InlineData("10ms", 0)]
        [InlineData("00:00:07.25", 7)]
        [InlineData("52w", 31449600)]
        public void Parses(string text, long expected)
        {
            Assert.True(TryParseSeconds(text, out long seconds));
            Assert.Equal(expected, seconds);
        }

        [Theory]
        [InlineData("")]
        [InlineData("5")]
        [InlineData("abc")]
        [InlineData("1x")]
        [InlineData("w")]
        [InlineData("1h 2m")]
        [InlineData("-1s")]
        [InlineData("1:2")]
        [InlineData("01:60:00")]
        [InlineData("01:00:60")]
        [InlineData("01:00:00x")]
        [InlineData("01:00:00:00")]
        [InlineData("00:00:07.")]
        [InlineData("1d2")]
        [InlineData("9999999999w")]
        [InlineData("1m2")]
        public void Rejects(string text)
        {
            Assert.False(TryParseSeconds(text, out long seconds));
            Assert.Equal(0, seconds);
        }

        private static bool TryParseSeconds(string text, out long seconds)
        {
            byte[] bytes = System.Text.Encoding.ASCII.GetBytes(text);
            bool ok = RouterOsValue.TryParseDuration(bytes, 0, bytes.Length, out TimeSpan value);
            seconds = value.Ticks / TimeSpan.TicksPerSecond;
            return ok;
        }
    }
}
