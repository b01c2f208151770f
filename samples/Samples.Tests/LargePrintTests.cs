using Mikrotik.Nano;
using Mikrotik.Nano.Host;
using RouterSim;
using Xunit;

namespace Samples.Tests;

/// <summary>The README's loop for a print of any size ("Reading a large print in bounded memory"), as written there.</summary>
public class LargePrintTests
{
    private const int Rows = 100_000;

    [Fact(Timeout = 120000)]
    public Task TheReadmeLoopReadsAHundredThousandRowsInPollMode() => Task.Run(() =>
    {
        using var sim = new RouterSimulator(new RouterSimulatorOptions { Port = 0, AddressListRows = Rows, AddressListName = "blocklist" });
        sim.Start();
        using var client = new ApiClient(new ClientOptions());
        client.Connect(TcpTransport.Connect("127.0.0.1", sim.Port, 5000), "admin", "");

        // --- as in README.md ---
        CommandHandle print = client.Send(client.NewCommand().Path("/ip/firewall/address-list/print")
            .Proplist("address,list"));                       // no handler: its replies come from Poll
        int blocked = 0;
        while (print.IsActive)                                // until !done, a trap, a timeout or a lost connection
        {
            Reply? reply = client.Poll(1000);                 // null when nothing arrived in time
            if (reply == null || reply.Tag != print.Tag || reply.Type != ReplyType.Data)
            {
                continue;
            }

            if (reply.AttributeEquals("list", "blocklist"))   // compared in place: no string
            {
                blocked++;                                    // keep values by copying them (CopyValue) into your own buffer
            }
        }

        // --- end ---
        Assert.Equal(ErrorCode.None, print.Error);
        Assert.Equal(Rows, blocked);
        Assert.Equal("MikroTik", client.ReadString(client.NewCommand().Path("/system/identity/print"), "name", 5000));
    });
}
