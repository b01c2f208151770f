using Xunit;
using System.Text;
using Mikrotik.Nano.HostTests.Core.Support;

namespace Mikrotik.Nano.HostTests.Device;

/// <summary>
/// The core's zero-allocation guarantee, extended to the client's pump: after warm-up, sending
/// commands and receiving, dispatching and reading their replies through <see cref="ApiClient"/>
/// allocates nothing on the pumping thread (polled replies, handlers, and Run into a RowTable).
/// The router runs on its own thread at the other end of an in-memory transport pair.
/// </summary>
public class ClientAllocationTests
{
    private const int WarmUp = 300;
    private const int Measured = 5000;

    private static int _handled;

    [Fact(Timeout = 120000)]
    public async Task PolledRepliesAllocateNothingAfterWarmUp()
    {
        await Task.Run(() =>
        {
            using var router = new EchoRouter(out ApiClient client);
            var command = new CommandBuffer(128);
            RunPolled(client, command, WarmUp);
            long before = GC.GetAllocatedBytesForCurrentThread();
            int rows = RunPolled(client, command, Measured);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(Measured * 3, rows);
            Assert.Equal(0, allocated);
            client.Close();
        });
    }

    [Fact(Timeout = 120000)]
    public async Task HandlersAndRunAllocateNothingAfterWarmUp()
    {
        await Task.Run(() =>
        {
            using var router = new EchoRouter(out ApiClient client);
            var command = new CommandBuffer(128);
            var rows = new RowTable(new[] { "name", "mtu" }, 4, 256);
            ReplyHandler handler = OnReply;
            RunHandled(client, command, handler, rows, WarmUp);
            long before = GC.GetAllocatedBytesForCurrentThread();
            int good = RunHandled(client, command, handler, rows, Measured);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(Measured, good);
            Assert.Equal(0, allocated);
            Assert.Equal((WarmUp + Measured) * 4, _handled);
            client.Close();
        });
    }

    private static int RunPolled(ApiClient client, CommandBuffer command, int count)
    {
        int rows = 0;
        for (int i = 0; i < count; i++)
        {
            CommandHandle handle = client.Send(command.Begin().Path("/interface/print").Proplist("name,mtu").QueryEquals("type", "ether"));
            while (handle.IsActive)
            {
                Reply? reply = client.Poll(1000);
                if (reply != null && reply.Type == ReplyType.Data)
                {
                    // Counted, not asserted: xunit's generic asserts allocate inside the measured loop.
                    if (reply.TryGetInt64("mtu", out long mtu) && mtu == 1500 && reply.AttributeEquals("type", "ether") && reply.HasAttribute("name"))
                    {
                        rows++;
                    }
                }
            }

            if (handle.Error != ErrorCode.None)
            {
                rows = int.MinValue;
            }
        }

        return rows;
    }

    private static int RunHandled(ApiClient client, CommandBuffer command, ReplyHandler handler, RowTable rows, int count)
    {
        int good = 0;
        for (int i = 0; i < count; i++)
        {
            CommandHandle handle = client.Send(command.Begin().Path("/interface/print"), handler, 5000);
            while (handle.IsActive)
            {
                client.Poll(1000);
            }

            if (client.Run(command.Begin().Path("/interface/print"), rows, 5000) == ErrorCode.None && rows.Count == 3 && rows.ValueEquals(2, 0, "ether3"))
            {
                good++;
            }
        }

        return good;
    }

    private static void OnReply(CommandHandle command, Reply? reply)
    {
        if (reply != null && (reply.Type == ReplyType.Data || reply.Type == ReplyType.Done))
        {
            _handled++;
        }
    }

    /// <summary>A router thread answering /login and /interface/print (3 rows), allocating freely on its own thread.</summary>
    private sealed class EchoRouter : IDisposable
    {
        private readonly InMemoryTransport _end;
        private readonly Thread _thread;

        public EchoRouter(out ApiClient client)
        {
            InMemoryTransport.CreatePair(1 << 16, out InMemoryTransport clientEnd, out _end);
            _thread = new Thread(Run) { IsBackground = true };
            _thread.Start();
            client = new ApiClient(new ClientOptions { ReadSliceMilliseconds = 50 });
            client.Connect(clientEnd, "admin", "secret");
        }

        public void Dispose()
        {
            _end.Close();
            _thread.Join();
        }

        private void Run()
        {
            var buffer = new byte[1 << 16];
            int length = 0;
            while (true)
            {
                int n = _end.Read(buffer, length, buffer.Length - length, 100);
                if (n == 0) return;
                if (n < 0) continue;
                length += n;
                int consumed = Complete(buffer, length);
                if (consumed == 0) continue;
                foreach (var sentence in TestWire.DecodeSentences(buffer, 0, consumed))
                {
                    Answer(sentence);
                }

                Array.Copy(buffer, consumed, buffer, 0, length - consumed);
                length -= consumed;
            }
        }

        // The length of the whole sentences at the start of the buffer.
        private static int Complete(byte[] buffer, int length)
        {
            int at = 0;
            int whole = 0;
            while (true)
            {
                var prefix = TestWire.ReadPrefix(buffer, at, length - at);
                if (prefix is null || prefix.Value.Length > length - at - prefix.Value.Size) return whole;
                at += prefix.Value.Size + (int)prefix.Value.Length;
                if (prefix.Value.Length == 0) whole = at;
            }
        }

        private void Answer(List<byte[]> sentence)
        {
            string path = Encoding.UTF8.GetString(sentence[0]);
            string tag = ".tag=" + TestWire.TagOf(sentence);
            var reply = new List<byte>();
            if (path == "/interface/print")
            {
                for (int i = 1; i <= 3; i++)
                {
                    reply.AddRange(TestWire.Sentence("!re", "=.id=*" + i, "=name=ether" + i, "=type=ether", "=mtu=1500", tag));
                }
            }

            reply.AddRange(TestWire.Sentence("!done", tag));
            byte[] bytes = reply.ToArray();
            try
            {
                _end.Write(bytes, 0, bytes.Length);
            }
            catch (InvalidOperationException)
            {
                // The client went away.
            }
        }
    }
}
