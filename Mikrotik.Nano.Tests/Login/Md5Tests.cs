using nanoFramework.TestFramework;
using Mikrotik.Nano.Tests.Support;

namespace Mikrotik.Nano.Tests.Login
{
    /// <summary>MD5 against the test suite of RFC 1321, appendix A.5.</summary>
    [TestClass]
    public class Md5Tests
    {
        /// <summary>Each RFC input hashes to its published digest, fed whole and byte by byte.</summary>
        [TestMethod]
        [DataRow("", "d41d8cd98f00b204e9800998ecf8427e")]
        [DataRow("a", "0cc175b9c0f1b6a831c399e269772661")]
        [DataRow("abc", "900150983cd24fb0d6963f7d28e17f72")]
        [DataRow("message digest", "f96b697d7cb7938d525a2f31aaf161d0")]
        [DataRow("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b")]
        [DataRow("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f")]
        [DataRow("12345678901234567890123456789012345678901234567890123456789012345678901234567890", "57edf4a22be3c955ac49da2e2107b67a")]
        public static void RfcVectors(string input, string expected)
        {
            byte[] data = new byte[input.Length];
            for (int i = 0; i < input.Length; i++)
            {
                data[i] = (byte)input[i];
            }

            Md5 md5 = new Md5();
            byte[] digest = new byte[Md5.DigestSize];
            md5.Update(data, 0, data.Length);
            md5.Finish(digest, 0);
            Assert.AreEqual(expected, Hex.Format(digest, 0, digest.Length));

            // Finish resets: the same instance hashes again, this time one byte per call.
            for (int i = 0; i < data.Length; i++)
            {
                md5.Update(data[i]);
            }

            md5.Finish(digest, 0);
            Assert.AreEqual(expected, Hex.Format(digest, 0, digest.Length));
        }
    }
}
