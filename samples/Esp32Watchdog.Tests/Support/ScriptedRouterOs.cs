using System;
using System.Collections;
using Esp32Watchdog.Configuration;
using Esp32Watchdog.Ports;
using Esp32Watchdog.RouterOs;
using Esp32Watchdog.Supervision;
using Mikrotik.Nano;

namespace Esp32Watchdog.Tests.Support
{
    /// <summary>
    /// A RouterOS speaking the API over in-memory connections (<see cref="RouterLink"/>), on the
    /// virtual clock: login, identity, resources, interfaces, ping, reboot, cancel. It is the
    /// watchdog's <see cref="ITransportFactory"/> (connections are opened to it) and its
    /// <see cref="IPowerRelay"/> (the relay cuts its power). Faults are switched by the test:
    /// a pegged CPU, a stalled API (it reads, never answers), refused connections, and how it
    /// answers a reboot. A reboot or power-cut clears them, like a real reboot clears what hung.
    /// Single-threaded and deterministic; written independently of the client's decoder.
    /// </summary>
    internal sealed class ScriptedRouterOs : ITransportFactory, IPowerRelay, IPortKnock
    {
        /// <summary>The uptime it starts with: 3d4h5m6s.</summary>
        public const long InitialUptimeSeconds = 3 * 86400 + 4 * 3600 + 5 * 60 + 6;

        /// <summary>Its CPU load when nothing ails it.</summary>
        public const int NormalCpuLoad = 12;

        private readonly ManualClock _clock;
        private readonly Utf8TextDecoder _text = new Utf8TextDecoder();
        private readonly byte[] _received = new byte[4096];
        private readonly byte[] _prefix = new byte[LengthCodec.MaxPrefixSize];
        private readonly byte[] _word = new byte[256];
        private readonly byte[] _end = new byte[1];
        private readonly ArrayList _words = new ArrayList();
        // object[]: unassigned string[] elements are not real nulls on nanoCLR.
        private readonly object[] _lossAddresses = new object[4];
        private readonly int[] _lossPercent = new int[4];
        private int _receivedCount;
        private RouterLink _link;
        private long _bootedAtMs;
        private long _uptimeAtBootSeconds = InitialUptimeSeconds;
        private long _downUntilMs = long.MinValue;

        public ScriptedRouterOs(ManualClock clock)
        {
            _clock = clock;
            _bootedAtMs = clock.NowMilliseconds;
        }

        public string User = "watchdog";
        public string Password = "pw";
        public int CpuLoad = NormalCpuLoad;
        public long FreeMemoryBytes = 30L * 1024 * 1024;
        public long TotalMemoryBytes = 64L * 1024 * 1024;
        public string[] InterfaceNames = new string[] { "ether1", "ether2", "wlan1" };
        public bool[] InterfaceRunning = new bool[] { true, true, true };
        public bool[] InterfaceDisabled = new bool[] { false, false, false };
        public bool Stalled;
        public bool RefuseConnections;
        public bool TrapPing;
        public RebootAnswer RebootAnswer = RebootAnswer.Done;
        public int BootMilliseconds = 20000;
        public int PipeCapacity = 2048;

        public int Connections;
        public int Logins;
        public int ResourcePrints;
        public int InterfacePrints;
        public string LastResourceProplist;
        public int RebootCommands;
        public int Boots;
        public int PowerCycles;

        /// <summary>The uptime it reports now, in seconds.</summary>
        public long UptimeSeconds
        {
            get { return _uptimeAtBootSeconds + (_clock.NowMilliseconds - _bootedAtMs) / 1000; }
        }

        /// <summary>Whether it is booting (connections refused).</summary>
        public bool IsDown
        {
            get { return _clock.NowMilliseconds < _downUntilMs; }
        }

        /// <summary>Whether the router's second port answers while its API does not (its kernel runs); false: a stalled router is wholly hung.</summary>
        public bool SecondPortAnswers;

        /// <summary>Second-port checks made (see <see cref="Knock"/>).</summary>
        public int Knocks;

        /// <summary>The board's second-port check: silent while booting, else as <see cref="SecondPortAnswers"/> says.</summary>
        public PortAnswer Knock(string host, int port, int timeoutMilliseconds)
        {
            Knocks++;
            return !IsDown && SecondPortAnswers ? PortAnswer.Answered : PortAnswer.Silent;
        }

        /// <summary>Sets the packet loss <c>/ping</c> reports for <paramref name="address"/> (0 by default).</summary>
        public void SetPingLoss(string address, int percent)
        {
            for (int i = 0; i < _lossAddresses.Length; i++)
            {
                if (_lossAddresses[i] == null || Same((string)_lossAddresses[i], address))
                {
                    _lossAddresses[i] = address;
                    _lossPercent[i] = percent;
                    return;
                }
            }

            throw new InvalidOperationException("too many ping targets");
        }

        /// <summary>Closes the open connection from the router's side (as a restarted API service would).</summary>
        public void DropConnection()
        {
            if (_link != null)
            {
                _link.RouterEnd.Close();
                _link = null;
            }
        }

        public ITransport Open(RouterConfig router)
        {
            if (RefuseConnections || IsDown)
            {
                // What the board's transports throw for a refused connection (the factory contract).
                throw TransportErrors.Classify("SocketException", TransportErrors.SocketConnectionRefused, TransportStage.Connect, router.Host, router.Port);
            }

            DropConnection();
            InMemoryTransport client;
            InMemoryTransport routerEnd;
            InMemoryTransport.CreatePair(PipeCapacity, out client, out routerEnd);
            Connections++;
            _receivedCount = 0;
            _words.Clear();
            _link = new RouterLink(this, _clock, client, routerEnd);
            return _link;
        }

        public void PowerCycle(int offMilliseconds)
        {
            PowerCycles++;
            _clock.Advance(offMilliseconds);
            Restart();
        }

        /// <summary>Answers every complete sentence <paramref name="link"/> has sent (called before the client reads).</summary>
        internal void Serve(RouterLink link)
        {
            while (link == _link)
            {
                int n = link.RouterEnd.Read(_received, _receivedCount, _received.Length - _receivedCount, 0);
                if (n <= 0)
                {
                    return;
                }

                _receivedCount += n;
                int at = 0;
                uint size;
                int prefix;
                while (LengthCodec.Decode(_received, at, _receivedCount - at, out size, out prefix) == LengthStatus.Complete
                    && _receivedCount - at - prefix >= (int)size)
                {
                    at += prefix;
                    if (size > 0)
                    {
                        _words.Add(_text.Decode(_received, at, (int)size));
                        at += (int)size;
                        continue;
                    }

                    string[] sentence = (string[])_words.ToArray(typeof(string));
                    _words.Clear();
                    if (!Stalled)
                    {
                        Answer(sentence);
                    }

                    if (link != _link)
                    {
                        return;
                    }
                }

                Array.Copy(_received, at, _received, 0, _receivedCount - at);
                _receivedCount -= at;
            }
        }

        private void Answer(string[] words)
        {
            string tag = ".tag=" + ValueOf(words, ".tag=");
            switch (words[0])
            {
                case "/login":
                    if (Same(ValueOf(words, "=name="), User) && Same(ValueOf(words, "=password="), Password))
                    {
                        Logins++;
                        Reply("!done", tag);
                    }
                    else
                    {
                        Reply("!trap", "=message=invalid user name or password (6)", tag);
                        Reply("!done", tag);
                    }

                    break;
                case "/system/identity/print":
                    Reply("!re", "=name=MikroTik", tag);
                    Reply("!done", tag);
                    break;
                case "/system/resource/print":
                    ResourcePrints++;
                    LastResourceProplist = ValueOf(words, "=.proplist=");
                    Reply("!re", "=uptime=" + Duration(UptimeSeconds), "=cpu-load=" + CpuLoad.ToString(),
                        "=free-memory=" + FreeMemoryBytes.ToString(), "=total-memory=" + TotalMemoryBytes.ToString(), "=cpu-count=4", tag);
                    Reply("!done", tag);
                    break;
                case "/interface/print":
                    InterfacePrints++;
                    for (int i = 0; i < InterfaceNames.Length; i++)
                    {
                        Reply("!re", "=name=" + InterfaceNames[i], "=running=" + (InterfaceRunning[i] ? "true" : "false"),
                            "=disabled=" + (InterfaceDisabled[i] ? "true" : "false"), tag);
                    }

                    Reply("!done", tag);
                    break;
                case "/ping":
                    Ping(ValueOf(words, "=address="), ValueOf(words, "=count="), tag);
                    break;
                case "/system/reboot":
                    Reboot(tag);
                    break;
                case "/cancel":
                    Reply("!done", tag);
                    break;
                default:
                    Reply("!trap", "=message=no such command prefix", tag);
                    Reply("!done", tag);
                    break;
            }
        }

        private void Ping(string address, string countText, string tag)
        {
            if (TrapPing)
            {
                Reply("!trap", "=message=ping failed", tag);
                Reply("!done", tag);
                return;
            }

            int loss = 0;
            for (int i = 0; i < _lossAddresses.Length; i++)
            {
                if (Same((string)_lossAddresses[i], address))
                {
                    loss = _lossPercent[i];
                }
            }

            int count = countText == null ? 1 : int.Parse(countText);
            for (int i = 1; i <= count; i++)
            {
                int received = loss >= 100 ? 0 : i - (i * loss / 100);
                Reply("!re", "=seq=" + (i - 1).ToString(), "=host=" + address, "=sent=" + i.ToString(),
                    "=received=" + received.ToString(), "=packet-loss=" + loss.ToString(), tag);
            }

            Reply("!done", tag);
        }

        private void Reboot(string tag)
        {
            RebootCommands++;
            switch (RebootAnswer)
            {
                case RebootAnswer.Trap:
                    Reply("!trap", "=message=not enough permissions (9)", tag);
                    Reply("!done", tag);
                    return;
                case RebootAnswer.Done:
                    Reply("!done", tag);
                    break;
                case RebootAnswer.Fatal:
                    Reply("!fatal", "system is rebooting");
                    break;
            }

            Restart();
        }

        // Down for BootMilliseconds, then up with a fresh uptime and no fault left.
        private void Restart()
        {
            DropConnection();
            Boots++;
            Stalled = false;
            CpuLoad = NormalCpuLoad;
            FreeMemoryBytes = 30L * 1024 * 1024;
            _downUntilMs = _clock.NowMilliseconds + BootMilliseconds;
            _bootedAtMs = _downUntilMs;
            _uptimeAtBootSeconds = 0;
        }

        private void Reply(params string[] words)
        {
            InMemoryTransport to = _link.RouterEnd;
            for (int w = 0; w < words.Length; w++)
            {
                string word = words[w];
                for (int i = 0; i < word.Length; i++)
                {
                    _word[i] = (byte)word[i];
                }

                to.Write(_prefix, 0, LengthCodec.Encode((uint)word.Length, _prefix, 0));
                to.Write(_word, 0, word.Length);
            }

            to.Write(_end, 0, 1);
        }

        // On nanoCLR, string == with a null left operand crashes the runtime (SIGSEGV): check first.
        private static bool Same(string a, string b)
        {
            return a != null && b != null && a == b;
        }

        private static string ValueOf(string[] words, string prefix)
        {
            for (int i = 1; i < words.Length; i++)
            {
                if (words[i].StartsWith(prefix))
                {
                    return words[i].Substring(prefix.Length);
                }
            }

            return null;
        }

        /// <summary>A RouterOS duration, e.g. 273906 s as "3d4h5m6s".</summary>
        internal static string Duration(long seconds)
        {
            string text = string.Empty;
            long[] units = new long[] { 604800, 86400, 3600, 60 };
            string[] names = new string[] { "w", "d", "h", "m" };
            for (int i = 0; i < units.Length; i++)
            {
                if (seconds >= units[i])
                {
                    text += (seconds / units[i]).ToString() + names[i];
                    seconds %= units[i];
                }
            }

            return text.Length > 0 && seconds == 0 ? text : text + seconds.ToString() + "s";
        }
    }
}
