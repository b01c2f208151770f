using System.Globalization;
using System.Numerics;
using System.Text;
using Mikrotik.Nano.HostTests.Core.Support;
using Xunit;

namespace Mikrotik.Nano.HostTests.Core;

/// <summary>The byte-level text helpers replies are read with, checked against .NET's own UTF-8 and integer parsing.</summary>
public class TextPropertyTests
{
    private const int Seed = 65001;

    /// <summary>TryParseInt64 accepts exactly an optional '-' and decimal digits whose value fits a long, and returns that value.</summary>
    [Fact]
    public void TryParseInt64AgreesWithBigIntegerOverRandomDigits()
    {
        var random = new Random(Seed);
        var buffer = new byte[40];
        for (int iteration = 0; iteration < 30_000; iteration++)
        {
            string text = random.Next(4) switch
            {
                0 => Gen.Int64(random).ToString(CultureInfo.InvariantCulture),
                1 => (random.Next(2) == 0 ? "-" : "") + new string('0', random.Next(0, 4)) + new string(Enumerable.Range(0, random.Next(0, 22)).Select(_ => (char)('0' + random.Next(10))).ToArray()),
                2 => new string(Enumerable.Range(0, random.Next(0, 6)).Select(_ => "0123456789-+ x/:"[random.Next(16)]).ToArray()),
                _ => (BigInteger.Parse(Gen.Int64(random).ToString(CultureInfo.InvariantCulture)) + random.Next(-2, 3) * (BigInteger)(random.Next(2) == 0 ? 1 : long.MaxValue)).ToString(CultureInfo.InvariantCulture),
            };
            byte[] bytes = Encoding.ASCII.GetBytes(text);
            int offset = random.Next(0, buffer.Length - bytes.Length + 1);
            random.NextBytes(buffer);
            bytes.CopyTo(buffer, offset);

            bool expectedOk = text.Length > 0 && text.TrimStart('-').Length > 0 && text.IndexOf('-', 1) < 0
                && text.TrimStart('-').All(char.IsAsciiDigit) && text.Count(c => c == '-') <= 1;
            BigInteger value = expectedOk ? BigInteger.Parse(text, CultureInfo.InvariantCulture) : 0;
            expectedOk = expectedOk && value >= long.MinValue && value <= long.MaxValue;

            bool ok = ByteText.TryParseInt64(buffer, offset, bytes.Length, out long parsed);
            Assert.True(expectedOk == ok, $"\"{text}\": expected {(expectedOk ? "accepted" : "rejected")}");
            if (ok) Assert.Equal((long)value, parsed);
        }
    }

    /// <summary>EqualsText is true exactly when the bytes are the text's UTF-8 (lone surrogates as U+FFFD).</summary>
    [Fact]
    public void EqualsTextAgreesWithDotNetUtf8()
    {
        var random = new Random(Seed + 1);
        for (int iteration = 0; iteration < 10_000; iteration++)
        {
            string text = Gen.Text(random);
            byte[] encoded = Encoding.UTF8.GetBytes(text);
            byte[] candidate = random.Next(3) switch
            {
                0 => encoded,
                1 when encoded.Length > 0 => Mutated(random, encoded),
                _ => Encoding.UTF8.GetBytes(Gen.Text(random)),
            };
            var buffer = new byte[candidate.Length + 8];
            random.NextBytes(buffer);
            int offset = random.Next(0, 9);
            candidate.CopyTo(buffer, offset);
            Assert.Equal(candidate.AsSpan().SequenceEqual(encoded), ByteText.EqualsText(buffer, offset, candidate.Length, text));
        }
    }

    private static byte[] Mutated(Random random, byte[] bytes)
    {
        byte[] copy = random.Next(4) == 0 ? bytes[..^1] : (byte[])bytes.Clone();
        if (copy.Length > 0 && random.Next(2) == 0) copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        return copy;
    }

    /// <summary>
    /// Utf8TextDecoder turns valid UTF-8 into what .NET decodes, and every byte outside a valid
    /// shortest-form sequence into the character of the same value (Latin-1).
    /// </summary>
    [Fact]
    public void Utf8TextDecoderMatchesUtf8WithLatin1Fallback()
    {
        var random = new Random(Seed + 2);
        var decoder = new Utf8TextDecoder();
        for (int iteration = 0; iteration < 10_000; iteration++)
        {
            byte[] bytes = random.Next(3) switch
            {
                0 => Encoding.UTF8.GetBytes(Gen.Text(random)),
                1 => Mutated(random, Encoding.UTF8.GetBytes(Gen.Text(random) + "x")),
                _ => Gen.Bytes(random, random.Next(0, 40)),
            };

            var expected = new StringBuilder();
            for (int i = 0; i < bytes.Length;)
            {
                if (Rune.DecodeFromUtf8(bytes.AsSpan(i), out Rune rune, out int consumed) == System.Buffers.OperationStatus.Done)
                {
                    expected.Append(rune.ToString());
                    i += consumed;
                }
                else
                {
                    expected.Append((char)bytes[i]);
                    i++;
                }
            }

            var buffer = new byte[bytes.Length + 4];
            bytes.CopyTo(buffer, 2);
            Assert.Equal(expected.ToString(), decoder.Decode(buffer, 2, bytes.Length));
        }
    }
}
