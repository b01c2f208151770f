using Mikrotik.Nano.HostTests.Core.Support;
using Xunit;

namespace Mikrotik.Nano.HostTests.Core;

/// <summary>LengthCodec against the protocol table (TestWire) for random lengths and every split of the prefix.</summary>
public class LengthCodecPropertyTests
{
    private const int Seed = 4711;

    /// <summary>Encode writes the table's bytes; Decode reads them back whole, and says NeedMore for every shorter split.</summary>
    [Fact]
    public void RandomLengthsRoundTripAtEverySplit()
    {
        var random = new Random(Seed);
        var buffer = new byte[32];
        for (int iteration = 0; iteration < 50_000; iteration++)
        {
            uint length = Gen.PrefixedLength(random);
            byte[] expected = TestWire.Prefix(length);
            int offset = random.Next(0, 16);
            random.NextBytes(buffer); // garbage around the prefix must not matter
            Assert.Equal(expected.Length, LengthCodec.GetPrefixSize(length));
            Assert.Equal(expected.Length, LengthCodec.Encode(length, buffer, offset));
            Assert.True(buffer.AsSpan(offset, expected.Length).SequenceEqual(expected), $"encoding of 0x{length:X}");

            for (int count = 0; count < expected.Length; count++)
            {
                Assert.Equal(LengthStatus.NeedMore, LengthCodec.Decode(buffer, offset, count, out _, out _));
            }

            for (int count = expected.Length; count <= expected.Length + 3; count++)
            {
                Assert.Equal(LengthStatus.Complete, LengthCodec.Decode(buffer, offset, count, out uint decoded, out int size));
                Assert.Equal(length, decoded);
                Assert.Equal(expected.Length, size);
            }
        }
    }

    /// <summary>The vectors of routeros-api.md, both ways.</summary>
    [Theory]
    [InlineData(0u, "00")]
    [InlineData(0x7Fu, "7F")]
    [InlineData(0x80u, "8080")]
    [InlineData(0x81u, "8081")]
    [InlineData(130u, "8082")]
    [InlineData(300u, "812C")]
    [InlineData(0x1C42u, "9C42")]
    [InlineData(0x3FFEu, "BFFE")]
    [InlineData(0x3FFFu, "BFFF")]
    [InlineData(0x4000u, "C04000")]
    [InlineData(0x4321u, "C04321")]
    [InlineData(17000u, "C04268")]
    [InlineData(0x1FFFFFu, "DFFFFF")]
    [InlineData(0x200000u, "E0200000")]
    [InlineData(0x2ACDEFu, "E02ACDEF")]
    [InlineData(0xFFFFFFFu, "EFFFFFFF")]
    [InlineData(0x10000000u, "F010000000")]
    [InlineData(0x10000080u, "F010000080")]
    [InlineData(0xFFFFFFFFu, "F0FFFFFFFF")]
    public void DocumentedVectorsEncodeAndDecode(uint length, string hex)
    {
        byte[] expected = Convert.FromHexString(hex);
        var buffer = new byte[8];
        Assert.Equal(expected.Length, LengthCodec.Encode(length, buffer, 1));
        Assert.Equal(expected, buffer.AsSpan(1, expected.Length).ToArray());
        Assert.Equal(LengthStatus.Complete, LengthCodec.Decode(expected, 0, expected.Length, out uint decoded, out int size));
        Assert.Equal(length, decoded);
        Assert.Equal(expected.Length, size);
    }

    /// <summary>
    /// Any bytes decode to exactly what the table says (non-minimal forms included), or to the
    /// error of the first byte: 0xF1..0xF7 unsupported, 0xF8..0xFF reserved, however many bytes follow.
    /// </summary>
    [Fact]
    public void ArbitraryBytesDecodeAsTheTableSays()
    {
        var random = new Random(Seed + 1);
        var buffer = new byte[8];
        for (int iteration = 0; iteration < 50_000; iteration++)
        {
            random.NextBytes(buffer);
            int count = random.Next(0, 7);
            LengthStatus status = LengthCodec.Decode(buffer, 1, count, out uint length, out int size);
            if (count == 0)
            {
                Assert.Equal(LengthStatus.NeedMore, status);
                continue;
            }

            byte first = buffer[1];
            if (first >= 0xF8)
            {
                Assert.Equal(LengthStatus.ReservedControlByte, status);
                continue;
            }

            if (first >= 0xF1)
            {
                Assert.Equal(LengthStatus.UnsupportedPrefix, status);
                continue;
            }

            var expected = TestWire.ReadPrefix(buffer, 1, count);
            if (expected == null)
            {
                Assert.Equal(LengthStatus.NeedMore, status);
                continue;
            }

            Assert.Equal(LengthStatus.Complete, status);
            Assert.Equal(expected.Value.Length, length);
            Assert.Equal(expected.Value.Size, size);
        }
    }
}
