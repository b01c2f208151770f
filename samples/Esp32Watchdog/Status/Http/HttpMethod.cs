namespace Esp32Watchdog.Status.Http
{
    /// <summary>The request methods the status endpoint tells apart.</summary>
    public enum HttpMethod
    {
        /// <summary>Anything else (answered 405).</summary>
        Other = 0,

        /// <summary>GET.</summary>
        Get = 1,

        /// <summary>HEAD: the headers of a GET without its body.</summary>
        Head = 2,
    }
}
