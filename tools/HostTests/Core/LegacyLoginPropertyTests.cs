using System.Security.Cryptography;
using System.Text;
using Mikrotik.Nano.HostTests.Core.Support;
using Xunit;

namespace Mikrotik.Nano.HostTests.Core;

/// <summary>The MD5 and the legacy login response, checked against .NET's MD5 for random inputs of every length around the block boundaries.</summary>
public class LegacyLoginPropertyTests
{
    private const int Seed = 643;

    /// <summary>Md5 equals .NET's MD5 for random data of 0..300 bytes fed in random pieces.</summary>
    [Fact]
    public void Md5MatchesDotNetForRandomDataAndPieces()
    {
        var random = new Random(Seed);
        var md5 = new Md5();
        var digest = new byte[Md5.DigestSize + 4];
        for (int iteration = 0; iteration < 5000; iteration++)
        {
            byte[] data = Gen.Bytes(random, iteration < 300 ? iteration : random.Next(0, 300));
            md5.Reset();
            for (int at = 0; at < data.Length;)
            {
                if (random.Next(4) == 0)
                {
                    md5.Update(data[at++]);
                    continue;
                }

                int n = Math.Min(random.Next(0, 80), data.Length - at);
                md5.Update(data, at, n);
                at += n;
            }

            md5.Finish(digest, 2);
            Assert.Equal(MD5.HashData(data), digest.AsSpan(2, Md5.DigestSize).ToArray());
        }
    }

    /// <summary>
    /// The response is "00" + hex MD5(0x00, UTF-8 password, challenge bytes) for random passwords
    /// (up to the configured maximum, non-ASCII included) and challenges in either case of hex;
    /// a longer password is PasswordTooLong, a malformed challenge InvalidChallenge.
    /// </summary>
    [Fact]
    public void ResponsesMatchDotNetMd5AndBadInputsAreRefused()
    {
        const int maxPasswordBytes = 100;
        var random = new Random(Seed + 1);
        var login = new LegacyLogin(maxPasswordBytes);
        var response = new byte[LegacyLogin.ResponseLength + 3];
        for (int iteration = 0; iteration < 5000; iteration++)
        {
            string password = Gen.Text(random);
            if (password.Length > 60) password = password[..60];
            byte[] passwordBytes = Encoding.UTF8.GetBytes(password);
            byte[] challenge = Gen.Bytes(random, 16);
            string hex = Convert.ToHexString(challenge);
            hex = random.Next(3) switch { 0 => hex.ToLowerInvariant(), 1 => hex, _ => new string(hex.Select(c => random.Next(2) == 0 ? char.ToLowerInvariant(c) : c).ToArray()) };
            bool badHex = random.Next(8) == 0;
            if (badHex)
            {
                hex = random.Next(2) == 0
                    ? hex.Remove(random.Next(hex.Length), 1) + (random.Next(2) == 0 ? "" : "00")
                    : hex.Remove(random.Next(hex.Length), 1).Insert(random.Next(hex.Length - 1), Gen.Pick(random, ["g", "G", " ", "-", "\u00e9", "x"]));
            }

            byte[] hexBytes = Encoding.UTF8.GetBytes(hex);
            var buffer = new byte[hexBytes.Length + 6];
            hexBytes.CopyTo(buffer, 3);
            ErrorCode result = login.ComputeResponse(password, buffer, 3, hexBytes.Length, response, 1);
            if (badHex)
            {
                Assert.Equal(ErrorCode.InvalidChallenge, result);
                continue;
            }

            if (passwordBytes.Length > maxPasswordBytes)
            {
                Assert.Equal(ErrorCode.PasswordTooLong, result);
                continue;
            }

            Assert.Equal(ErrorCode.None, result);
            string expected = "00" + Convert.ToHexStringLower(MD5.HashData([0, .. passwordBytes, .. challenge]));
            Assert.Equal(expected, Encoding.ASCII.GetString(response, 1, LegacyLogin.ResponseLength));
        }
    }
}
