using Esp32Watchdog.Status.Http;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Status.Http
{
    /// <summary>The request head is read incrementally into a fixed buffer; anything oversize or malformed is refused.</summary>
    [TestClass]
    public class HttpRequestReaderTests
    {
        internal static HttpRequestReader Reader()
        {
            return new HttpRequestReader(256, 64);
        }

        internal static HttpRequestResult Feed(HttpRequestReader reader, string text)
        {
            byte[] bytes = Ascii(text);
            reader.Append(bytes, 0, bytes.Length);
            return reader.Parse();
        }

        internal static byte[] Ascii(string text)
        {
            byte[] bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
            {
                bytes[i] = (byte)text[i];
            }

            return bytes;
        }

        /// <summary>A curl-like GET.</summary>
        [TestMethod]
        public static void ReadsAGetWithHeaders()
        {
            HttpRequestReader r = Reader();
            Assert.AreEqual((int)HttpRequestResult.Complete, (int)Feed(r, "GET /status HTTP/1.1\r\nHost: board\r\nUser-Agent: curl/8\r\nAccept: */*\r\n\r\n"));
            Assert.AreEqual((int)HttpMethod.Get, (int)r.Method);
            Assert.IsTrue(r.PathEquals("/status"));
            Assert.IsFalse(r.PathEquals("/metrics"));
            Assert.IsFalse(r.PathEquals("/statu"));
        }

        /// <summary>Bare line feeds and HTTP/1.0 without headers are accepted.</summary>
        [TestMethod]
        public static void AcceptsBareLineFeedsAndHttp10()
        {
            HttpRequestReader r = Reader();
            Assert.AreEqual((int)HttpRequestResult.Complete, (int)Feed(r, "HEAD /metrics HTTP/1.0\n\n"));
            Assert.AreEqual((int)HttpMethod.Head, (int)r.Method);
            Assert.IsTrue(r.PathEquals("/metrics"));
        }

        /// <summary>One byte at a time: incomplete until the empty line.</summary>
        [TestMethod]
        public static void EverySplitNeedsMoreUntilTheEmptyLine()
        {
            string request = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
            HttpRequestReader r = Reader();
            for (int i = 0; i < request.Length - 1; i++)
            {
                Assert.AreEqual((int)HttpRequestResult.NeedMore, (int)Feed(r, request.Substring(i, 1)), "byte " + i.ToString());
            }

            Assert.AreEqual((int)HttpRequestResult.Complete, (int)Feed(r, "\n"));
            Assert.IsTrue(r.PathEquals("/"));
        }

        /// <summary>The query and fragment are not part of the path.</summary>
        [TestMethod]
        public static void PathIgnoresTheQuery()
        {
            HttpRequestReader r = Reader();
            Feed(r, "GET /metrics?name[]=x HTTP/1.1\r\n\r\n");
            Assert.IsTrue(r.PathEquals("/metrics"));
            Assert.AreEqual("/metrics?name[]=x", r.Target());
        }

        /// <summary>Other methods parse and are told apart (the handler answers 405).</summary>
        [TestMethod]
        public static void OtherMethodsAreOther()
        {
            HttpRequestReader r = Reader();
            Assert.AreEqual((int)HttpRequestResult.Complete, (int)Feed(r, "POST /status HTTP/1.1\r\nContent-Length: 3\r\n\r\nabc"));
            Assert.AreEqual((int)HttpMethod.Other, (int)r.Method);
        }

        /// <summary>Empty lines before the request line are skipped.</summary>
        [TestMethod]
        public static void SkipsLeadingEmptyLines()
        {
            HttpRequestReader r = Reader();
            Assert.AreEqual((int)HttpRequestResult.Complete, (int)Feed(r, "\r\n\r\nGET /status HTTP/1.1\r\n\r\n"));
            Assert.IsTrue(r.PathEquals("/status"));
        }

        /// <summary>Malformed request lines and headers are 400.</summary>
        [TestMethod]
        [DataRow("get /status HTTP/1.1\r\n\r\n")]
        [DataRow("GET status HTTP/1.1\r\n\r\n")]
        [DataRow("GET /status HTTP/2.0\r\n\r\n")]
        [DataRow("GET /status HTTP/1.1 extra\r\n\r\n")]
        [DataRow("GET /status\r\n\r\n")]
        [DataRow("GET  /status HTTP/1.1\r\n\r\n")]
        [DataRow("GET /sta\u0001tus HTTP/1.1\r\n\r\n")]
        [DataRow("GET /status HTTP/1.1\r\nNoColonHere\r\n\r\n")]
        [DataRow("GET /status HTTP/1.1\r\n: empty name\r\n\r\n")]
        [DataRow("GET /status HTTP/1.1\r\nHost: a\r\n  folded\r\n\r\n")]
        [DataRow("\u0001GET /status HTTP/1.1\r\n\r\n")]
        public static void MalformedIsBadRequest(string request)
        {
            Assert.AreEqual((int)HttpRequestResult.BadRequest, (int)Feed(Reader(), request));
        }

        /// <summary>A NUL byte (built here: nanoCLR cuts DataRow strings at NUL) is 400.</summary>
        [TestMethod]
        public static void NulByteIsBadRequest()
        {
            HttpRequestReader r = Reader();
            byte[] bytes = Ascii("GET /status HTTP/1.1\r\n\r\n");
            bytes[5] = 0;
            r.Append(bytes, 0, bytes.Length);
            Assert.AreEqual((int)HttpRequestResult.BadRequest, (int)r.Parse());
        }

        /// <summary>A request line over the limit is 414 whether or not its end arrived.</summary>
        [TestMethod]
        public static void LongRequestLineIsUriTooLong()
        {
            string target = "/status?" + new string('a', 80);
            Assert.AreEqual((int)HttpRequestResult.UriTooLong, (int)Feed(Reader(), "GET " + target));
            Assert.AreEqual((int)HttpRequestResult.UriTooLong, (int)Feed(Reader(), "GET " + target + " HTTP/1.1\r\n\r\n"));
        }

        /// <summary>Headers that do not fit the buffer are 431; the buffer never grows.</summary>
        [TestMethod]
        public static void HeadersBeyondTheBufferAreTooLarge()
        {
            HttpRequestReader r = Reader();
            Assert.AreEqual((int)HttpRequestResult.NeedMore, (int)Feed(r, "GET /status HTTP/1.1\r\n"));
            HttpRequestResult result = HttpRequestResult.NeedMore;
            for (int i = 0; i < 40 && result == HttpRequestResult.NeedMore; i++)
            {
                result = Feed(r, "X-Padding: 0123456789\r\n");
            }

            Assert.AreEqual((int)HttpRequestResult.HeadersTooLarge, (int)result);
            Assert.AreEqual(256, r.Received);
            int offset;
            Assert.AreEqual(0, r.PrepareReceive(out offset));
        }

        /// <summary>Reset makes the reader ready for the next connection.</summary>
        [TestMethod]
        public static void ResetForgetsTheRequest()
        {
            HttpRequestReader r = Reader();
            Feed(r, "POST /x HTTP/1.1\r\n\r\n");
            r.Reset();
            Assert.AreEqual(0, r.Received);
            Assert.AreEqual((int)HttpRequestResult.NeedMore, (int)r.Parse());
            int offset;
            int room = r.PrepareReceive(out offset);
            Assert.AreEqual(0, offset);
            Assert.AreEqual(256, room);
            byte[] bytes = Ascii("GET /metrics HTTP/1.1\r\n\r\n");
            System.Array.Copy(bytes, 0, r.Buffer, offset, bytes.Length);
            r.Commit(bytes.Length);
            Assert.AreEqual((int)HttpRequestResult.Complete, (int)r.Parse());
            Assert.IsTrue(r.PathEquals("/metrics"));
        }
    }
}
