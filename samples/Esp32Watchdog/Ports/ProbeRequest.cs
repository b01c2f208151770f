namespace Esp32Watchdog.Ports
{
    /// <summary>
    /// What one router's probe fetches each round, as its health checks declared it while the
    /// watchdog was put together: resource values by name, interfaces by name, ping targets.
    /// Names are kept once (two checks asking for the same one share its slot); the probe reads
    /// the lists, the checks read the round's values through the slots they were given.
    /// </summary>
    /// <remarks>
    /// Resource names are RouterOS's <c>/system/resource</c> field names (<c>cpu-load</c>,
    /// <c>free-memory</c>, ...), the vocabulary every router kind's probe maps. Lists are
    /// <c>object[]</c>: on nanoCLR an unassigned <c>string[]</c> element crashes string comparisons.
    /// Sized by <see cref="MaxNames"/>; built once, never during a round.
    /// </remarks>
    public sealed class ProbeRequest
    {
        /// <summary>The most names of each list (resources, interfaces, ping targets).</summary>
        public const int MaxNames = 16;

        private readonly object[] _resources = new object[MaxNames];
        private readonly object[] _interfaces = new object[MaxNames];
        private readonly object[] _pingTargets = new object[MaxNames];
        private int _resourceCount;
        private int _interfaceCount;
        private int _pingTargetCount;

        /// <summary>Echo requests per ping target (<c>/ping =count=N</c>); the largest any check asked for.</summary>
        public int PingCount { get; private set; }

        /// <summary>How many resource values are fetched.</summary>
        public int ResourceCount
        {
            get { return _resourceCount; }
        }

        /// <summary>How many interfaces are looked up.</summary>
        public int InterfaceCount
        {
            get { return _interfaceCount; }
        }

        /// <summary>How many ping targets are pinged.</summary>
        public int PingTargetCount
        {
            get { return _pingTargetCount; }
        }

        /// <summary>Asks for a numeric resource value each round.</summary>
        /// <param name="name">Its <c>/system/resource</c> name, e.g. <c>free-memory</c> (no comma: the names make one proplist).</param>
        /// <returns>The slot to read it from (see <see cref="IProbedValues.Resource"/>); -1 when the list is full or the name is empty or holds a comma.</returns>
        public int AddResource(string name)
        {
            if (name == null || name.Length == 0 || name.IndexOf(',') >= 0)
            {
                return -1;
            }

            return Add(_resources, ref _resourceCount, name);
        }

        /// <summary>Asks whether an interface is running each round.</summary>
        /// <param name="name">The interface name, e.g. <c>lte1</c> or <c>pppoe-out1</c>.</param>
        /// <returns>The slot to read it from (see <see cref="IProbedValues.InterfaceRunning"/>); -1 when the list is full.</returns>
        public int AddInterface(string name)
        {
            return Add(_interfaces, ref _interfaceCount, name);
        }

        /// <summary>Asks for the packet loss to a target, pinged from the router, each round.</summary>
        /// <param name="address">The target's address.</param>
        /// <param name="count">Echo requests per round (the request keeps the largest asked for).</param>
        /// <returns>The slot to read it from (see <see cref="IProbedValues.PingLoss"/>); -1 when the list is full.</returns>
        public int AddPingTarget(string address, int count)
        {
            if (count > PingCount)
            {
                PingCount = count;
            }

            return Add(_pingTargets, ref _pingTargetCount, address);
        }

        /// <summary>The name of a resource value.</summary>
        /// <param name="slot">0 .. <see cref="ResourceCount"/> - 1.</param>
        /// <returns>The name.</returns>
        public string Resource(int slot)
        {
            return (string)_resources[slot];
        }

        /// <summary>The name of an interface.</summary>
        /// <param name="slot">0 .. <see cref="InterfaceCount"/> - 1.</param>
        /// <returns>The name.</returns>
        public string Interface(int slot)
        {
            return (string)_interfaces[slot];
        }

        /// <summary>The address of a ping target.</summary>
        /// <param name="slot">0 .. <see cref="PingTargetCount"/> - 1.</param>
        /// <returns>The address.</returns>
        public string PingTarget(int slot)
        {
            return (string)_pingTargets[slot];
        }

        /// <summary>The slot of a resource value, or -1 when none asked for it (for views that show values by name).</summary>
        /// <param name="name">Its name.</param>
        /// <returns>The slot or -1.</returns>
        public int ResourceSlot(string name)
        {
            return IndexOf(_resources, _resourceCount, name);
        }

        /// <summary>The slot of an interface, or -1 when none asked for it.</summary>
        /// <param name="name">Its name.</param>
        /// <returns>The slot or -1.</returns>
        public int InterfaceSlot(string name)
        {
            return IndexOf(_interfaces, _interfaceCount, name);
        }

        /// <summary>The slot of a ping target, or -1 when none asked for it.</summary>
        /// <param name="address">Its address.</param>
        /// <returns>The slot or -1.</returns>
        public int PingTargetSlot(string address)
        {
            return IndexOf(_pingTargets, _pingTargetCount, address);
        }

        private static int Add(object[] names, ref int count, string name)
        {
            int slot = IndexOf(names, count, name);
            if (slot >= 0)
            {
                return slot;
            }

            if (name == null || count >= names.Length)
            {
                return -1;
            }

            names[count] = name;
            return count++;
        }

        private static int IndexOf(object[] names, int count, string name)
        {
            for (int i = 0; i < count; i++)
            {
                if ((string)names[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
