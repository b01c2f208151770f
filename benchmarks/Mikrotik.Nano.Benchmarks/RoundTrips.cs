using System;

namespace Mikrotik.Nano.Benchmarks
{
    /// <summary>The client round trip shared by the benchmarks and the footprint report.</summary>
    public static class RoundTrips
    {
        /// <summary>Sends <paramref name="count"/> identity prints, then polls until each has its !done; returns the rows seen.</summary>
        public static long Run(ApiClient c, int count)
        {
            for (int i = 0; i < count; i++)
            {
                // A print ends by itself; its replies are matched by tag below, so the handle is not needed.
                _ = c.Send(c.NewCommand().Path("/system/identity/print").Proplist("name"));
            }

            long rows = 0;
            int done = 0;
            while (done < count)
            {
                Reply reply = c.Poll(1000);
                if (reply == null)
                {
                    if (!c.IsConnected)
                    {
                        throw new InvalidOperationException("connection lost: " + c.Error);
                    }

                    continue;
                }

                if (reply.Type == ReplyType.Done)
                {
                    done++;
                }
                else if (reply.Type == ReplyType.Data && reply.FindAttribute("name") >= 0)
                {
                    rows++;
                }
            }

            return rows;
        }
    }
}
