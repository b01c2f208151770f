using Mikrotik.Nano.HostTests.Core.Support;
using Xunit;

namespace Mikrotik.Nano.HostTests.Core;

/// <summary>The receive side of the sans-IO contract, in the orders an adapter may call it.</summary>
public class ReceiveContractTests
{
    /// <summary>
    /// An adapter may ask for room first and drain events before its read completes
    /// (PrepareReceive, Poll until None, read, CommitReceived): the bytes it then commits must be
    /// decoded where PrepareReceive said they would be.
    /// </summary>
    [Fact]
    public void OffsetFromPrepareReceiveStaysValidAcrossPolls()
    {
        var connection = TestWire.LoggedIn();
        int tag = connection.Send(connection.NewCommand().Path("/log/print"));
        TestWire.Drain(connection);
        TestWire.Feed(connection, TestWire.Sentence("!re", "=n=1", ".tag=" + tag), int.MaxValue);
        byte[] second = TestWire.Sentence("!re", "=n=2", ".tag=" + tag);

        int room = connection.PrepareReceive(out int offset);
        Assert.True(room >= second.Length);
        Assert.Equal(ConnectionEvent.Reply, connection.Poll());
        Assert.True(connection.Reply.TryGetInt64("n", out long first) && first == 1);
        Assert.Equal(ConnectionEvent.None, connection.Poll());

        Array.Copy(second, 0, connection.ReceiveBuffer, offset, second.Length);
        connection.CommitReceived(second.Length);
        Assert.Equal(ConnectionEvent.Reply, connection.Poll());
        Assert.True(connection.Reply.TryGetInt64("n", out long n));
        Assert.Equal(2, n);
        Assert.Equal(ConnectionEvent.None, connection.Poll());
    }

    /// <summary>The order the API documents (read, commit, then poll until None) decodes every sentence once, under any split.</summary>
    [Fact]
    public void CommitThenPollDeliversEverySentenceOnce()
    {
        var random = new Random(3);
        var connection = TestWire.LoggedIn(new ConnectionOptions { ReceiveBufferSize = 64 });
        int tag = connection.Send(connection.NewCommand().Path("/log/print"));
        TestWire.Drain(connection);
        var stream = new List<byte>();
        for (int i = 0; i < 500; i++) stream.AddRange(TestWire.Sentence("!re", "=n=" + i, ".tag=" + tag));
        byte[] data = stream.ToArray();
        int at = 0;
        long expected = 0;
        while (true)
        {
            while (connection.Poll() is var e && e != ConnectionEvent.None)
            {
                Assert.Equal(ConnectionEvent.Reply, e);
                Assert.True(connection.Reply.TryGetInt64("n", out long n));
                Assert.Equal(expected++, n);
            }

            if (at == data.Length) break;
            int room = connection.PrepareReceive(out int offset);
            int count = Math.Min(Math.Min(random.Next(1, 40), room), data.Length - at);
            Array.Copy(data, at, connection.ReceiveBuffer, offset, count);
            connection.CommitReceived(count);
            at += count;
        }

        Assert.Equal(500, expected);
    }
}
