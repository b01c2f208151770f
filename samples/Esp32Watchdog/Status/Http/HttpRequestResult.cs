namespace Esp32Watchdog.Status.Http
{
    /// <summary>What <see cref="HttpRequestReader.Parse"/> found in the bytes received so far.</summary>
    public enum HttpRequestResult
    {
        /// <summary>The request line and headers are not complete yet: receive more.</summary>
        NeedMore = 0,

        /// <summary>A well-formed request line and header block; see <see cref="HttpRequestReader.Method"/>.</summary>
        Complete = 1,

        /// <summary>Malformed (400): not "METHOD /target HTTP/1.x", a control byte, a header line without a colon.</summary>
        BadRequest = 2,

        /// <summary>The request line is longer than allowed (414).</summary>
        UriTooLong = 3,

        /// <summary>The headers do not fit the buffer (431).</summary>
        HeadersTooLarge = 4,
    }
}
