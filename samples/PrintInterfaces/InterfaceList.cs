using System;

namespace Mikrotik.Nano.Samples
{
    /// <summary>
    /// Example 1: a print with a query and a proplist, its rows kept in caller-owned storage.
    /// The same file runs on a board (Platform/Program.cs) and in a console (PrintInterfaces.Host).
    /// </summary>
    public static class InterfaceList
    {
        /// <summary>Prints the router's Ethernet and VLAN interfaces: name, type, and whether each is running.</summary>
        /// <param name="client">A connected client.</param>
        /// <returns>True when the print completed; otherwise the reason was printed.</returns>
        public static bool Print(ApiClient client)
        {
            // Up to 32 rows of these three columns in a 1 KB arena, allocated once. More rows than
            // fit end the command with StorageFull (cancelled on the router), never a silent cut.
            RowTable rows = new RowTable(new string[] { "name", "type", "running" }, 32, 1024);

            // .proplist: the router sends only these attributes. The query is a stack, as in
            // RouterOS: push type=ether, push type=vlan, then "|" replaces both with their OR.
            ErrorCode result = client.Run(
                client.NewCommand().Path("/interface/print")
                    .Proplist("name,type,running")
                    .QueryEquals("type", "ether")
                    .QueryEquals("type", "vlan")
                    .QueryOperations("|"),
                rows,
                5000);
            if (result != ErrorCode.None)
            {
                // A trap carries the router's message; other codes say how the command ended.
                Console.WriteLine("print failed: " + (rows.TrapMessage != null ? rows.TrapMessage : ErrorCodes.NameOf(result)));
                return false;
            }

            for (int i = 0; i < rows.Count; i++)
            {
                // Values are bytes until asked for: TryGetBool parses in place, GetString allocates.
                bool running;
                rows.TryGetBool(i, 2, out running);
                Console.WriteLine(rows.GetString(i, 0) + " (" + rows.GetString(i, 1) + "): " + (running ? "running" : "not running"));
            }

            Console.WriteLine(rows.Count.ToString() + " interfaces");
            return true;
        }
    }
}
