using System.Diagnostics;
using Xunit.Abstractions;

namespace EndToEnd.Tests;

/// <summary>100,000 rows through a client with the default (small, fixed) buffers.</summary>
public class StreamingTests
{
    private const int Rows = 100_000;
    private readonly ITestOutputHelper _output;

    /// <summary>Runs the scenarios against a simulator that tags replies like a router (tag after the reply word).</summary>
    public StreamingTests(ITestOutputHelper output)
        : this(output, ReplyTagPosition.AfterReplyWord)
    {
    }

    /// <summary>Runs the scenarios against a simulator that writes <c>.tag=</c> at <paramref name="tagPosition"/>.</summary>
    protected StreamingTests(ITestOutputHelper output, ReplyTagPosition tagPosition)
    {
        _output = output;
        E2E.TagPosition = tagPosition;
    }

    /// <summary>The n of address 10.a.b.c (n = a·65536 + b·256 + c), read in place; -1 when absent or malformed.</summary>
    private static int AddressNumber(Reply reply)
    {
        int w = reply.FindAttribute("address");
        if (w < 0)
        {
            return -1;
        }

        byte[] buffer = reply.Buffer;
        int offset = reply.GetValueOffset(w);
        int end = offset + reply.GetValueLength(w);
        int octet = 0;
        int octets = 0;
        int value = 0;
        for (int i = offset; i <= end; i++)
        {
            if (i == end || buffer[i] == '.')
            {
                if (octets == 0 && octet != 10)
                {
                    return -1;
                }

                value = octets == 0 ? 0 : (value << 8) | octet;
                octets++;
                octet = 0;
            }
            else if (buffer[i] >= '0' && buffer[i] <= '9')
            {
                octet = octet * 10 + (buffer[i] - '0');
            }
            else
            {
                return -1;
            }
        }

        return octets == 4 ? value : -1;
    }

    [Fact(Timeout = 120000)]
    public Task HundredThousandRowsArriveOnceAndInOrderInPollModeWithoutAllocating() => E2E.Bounded(() =>
    {
        using var sim = E2E.StartSim(o => o.AddressListRows = Rows);
        using var client = new ApiClient(null);
        client.Connect(E2E.Tcp(sim), E2E.User, E2E.Password);

        int received = 0;
        int outOfOrder = 0;
        int truncated = 0;
        int foreign = 0;
        long allocatedAtStart = 0;
        long allocatedAtEnd = 0;
        bool done = false;
        var watch = Stopwatch.StartNew();
        using CommandHandle print = client.Send(client.NewCommand().Path("/ip/firewall/address-list/print").Proplist(".id,address,list"));
        while (!done && watch.ElapsedMilliseconds < 90000)
        {
            Reply? reply = client.Poll(100);
            if (reply == null)
            {
                if (!client.IsConnected)
                {
                    break;
                }

                continue;
            }

            if (reply.Tag != print.Tag)
            {
                foreign++;
            }
            else if (reply.Type == ReplyType.Data)
            {
                received++;
                if (AddressNumber(reply) != received)
                {
                    outOfOrder++;
                }

                if (reply.IsTruncated)
                {
                    truncated++;
                }

                // The measured middle of the stream: everything, socket reads included, runs on this thread.
                if (received == 10_000)
                {
                    allocatedAtStart = GC.GetAllocatedBytesForCurrentThread();
                }
                else if (received == 90_000)
                {
                    allocatedAtEnd = GC.GetAllocatedBytesForCurrentThread();
                }
            }
            else if (reply.Type == ReplyType.Done)
            {
                done = true;
            }
        }

        long elapsed = watch.ElapsedMilliseconds;
        _output.WriteLine($"{received} rows in {elapsed} ms; allocated over rows 10,000..90,000: {allocatedAtEnd - allocatedAtStart} bytes");
        Assert.True(done, "the print ended with !done");
        Assert.Equal(Rows, received);
        Assert.Equal(0, outOfOrder);
        Assert.Equal(0, truncated);
        Assert.Equal(0, foreign);
        Assert.Equal(ErrorCode.None, print.Error);

        // Measured: 0 bytes in every run seen. A per-row allocation would be at least 80,000 x 24 B;
        // the margin only absorbs a rare one-off runtime allocation on the thread (56 B seen once in
        // ~25 soak runs, never here; source not identified, not per row or per command).
        Assert.True(allocatedAtEnd - allocatedAtStart < 1024, $"the polling thread allocated {allocatedAtEnd - allocatedAtStart} bytes over 80,000 rows");
        Assert.Equal("MikroTik", E2E.Identity(client));
    });

    [Fact(Timeout = 120000)]
    public Task HundredThousandRowsArriveOnceAndInOrderThroughAHandlerOnThePump() => E2E.Bounded(() =>
    {
        using var sim = E2E.StartSim(o => o.AddressListRows = Rows);
        using var client = new ApiClient(null);
        client.Connect(E2E.Tcp(sim), E2E.User, E2E.Password);
        client.StartPump();

        int received = 0;
        int outOfOrder = 0;
        using var finished = new ManualResetEventSlim();
        var watch = Stopwatch.StartNew();
        using CommandHandle print = client.Send(client.NewCommand().Path("/ip/firewall/address-list/print"), (command, reply) =>
        {
            if (reply == null || reply.Type == ReplyType.Done)
            {
                finished.Set();
            }
            else if (reply.Type == ReplyType.Data)
            {
                received++;
                if (AddressNumber(reply) != received)
                {
                    outOfOrder++;
                }
            }
        }, 90000);

        Assert.True(finished.Wait(TimeSpan.FromSeconds(100)), "the print ends");
        _output.WriteLine($"{received} rows in {watch.ElapsedMilliseconds} ms (pump, all attributes)");
        Assert.Equal(ErrorCode.None, print.Error);
        Assert.Equal(Rows, received);
        Assert.Equal(0, outOfOrder);
        Assert.Equal("MikroTik", E2E.Identity(client));
        client.Close();
        Assert.False(client.IsPumpRunning);
    });

    /// <summary>The same tests with <c>.tag=</c> as the last word of every reply.</summary>
    public sealed class TagLast : StreamingTests
    {
        /// <summary>Selects the tag-last order.</summary>
        public TagLast(ITestOutputHelper output)
            : base(output, ReplyTagPosition.Last)
        {
        }
    }
}
