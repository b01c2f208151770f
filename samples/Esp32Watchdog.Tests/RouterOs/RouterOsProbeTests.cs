using Esp32Watchdog.Health;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.RouterOs
{
    /// <summary>The firmware's probe over the real client against the scripted RouterOS, in virtual time.</summary>
    [TestClass]
    public class RouterOsProbeTests
    {
        /// <summary>Resources, watched interfaces (one down, one missing) and the last packet-loss of each ping.</summary>
        [TestMethod]
        public static void ProbeReadsResourcesInterfacesAndPingLoss()
        {
            ProbeRig rig = new ProbeRig();
            rig.Router.InterfaceRunning[1] = false;
            rig.Router.SetPingLoss("9.9.9.9", 100);
            rig.Router.CpuLoad = 73;
            HealthSample sample = rig.Round();

            Assert.IsTrue(sample.ApiReachable, sample.FailureDetail);
            Assert.AreEqual((int)ProbeFailure.None, (int)sample.Failure);
            Assert.AreEqual(73L, sample.Resource(sample.Request.ResourceSlot("cpu-load")));
            Assert.AreEqual(30L * 1024 * 1024, sample.Resource(sample.Request.ResourceSlot("free-memory")));
            Assert.AreEqual(64L * 1024 * 1024, sample.Resource(sample.Request.ResourceSlot("total-memory")));
            Assert.AreEqual(ScriptedRouterOs.InitialUptimeSeconds, sample.UptimeSeconds);
            Assert.AreEqual(1, sample.InterfaceRunning(sample.Request.InterfaceSlot("ether1")));
            Assert.AreEqual(0, sample.InterfaceRunning(sample.Request.InterfaceSlot("ether2")));
            Assert.AreEqual(0, sample.InterfaceRunning(sample.Request.InterfaceSlot("nonexistent")), "a missing interface is not running");
            Assert.AreEqual(0, sample.PingLoss(0));
            Assert.AreEqual(100, sample.PingLoss(1));
            Assert.AreEqual(1, rig.Router.Logins);
            Assert.AreEqual("uptime,cpu-load,free-memory,total-memory", rig.Router.LastResourceProplist);
        }

        /// <summary>The probe fetches what the checks declared, once per round: a field a check asks for is in the one /system/resource command, and without interface checks there is no /interface/print.</summary>
        [TestMethod]
        public static void ProbeFetchesWhatTheChecksDeclared()
        {
            Esp32Watchdog.Configuration.WatchdogConfig config = ProbeRig.Watching(new object[] { "ether1" }, new object[] { "1.1.1.1" });
            config.Routers[0].Checks = new IHealthCheck[0];
            config.Checks = new IHealthCheck[] { new FreeMemoryFloorCheck() };
            ProbeRig rig = new ProbeRig(config, null);
            HealthSample sample = rig.Round();
            Assert.AreEqual("uptime,free-memory,total-memory", rig.Router.LastResourceProplist);
            Assert.AreEqual(0, rig.Router.InterfacePrints);
            Assert.AreEqual(1, rig.Router.ResourcePrints);
            Assert.AreEqual(30L * 1024 * 1024, sample.Resource(0));
            Assert.AreEqual(64L * 1024 * 1024, sample.Resource(1));
        }

        /// <summary>A disabled interface is not running, whatever its running flag says.</summary>
        [TestMethod]
        public static void DisabledInterfaceCountsAsNotRunning()
        {
            ProbeRig rig = new ProbeRig();
            rig.Router.InterfaceDisabled[0] = true;
            HealthSample sample = rig.Round();
            Assert.AreEqual(0, sample.InterfaceRunning(sample.Request.InterfaceSlot("ether1")));
            Assert.AreEqual(1, sample.InterfaceRunning(sample.Request.InterfaceSlot("ether2")));
        }

        /// <summary>The session stays open between rounds: one connection and one login for many rounds.</summary>
        [TestMethod]
        public static void SessionStaysOpenBetweenRounds()
        {
            ProbeRig rig = new ProbeRig();
            for (int i = 0; i < 20; i++)
            {
                rig.Clock.Advance(30000);
                Assert.IsTrue(rig.Round().ApiReachable, rig.Sample.FailureDetail);
            }

            Assert.AreEqual(1, rig.Router.Connections);
            Assert.AreEqual(1, rig.Router.Logins);
            Assert.AreEqual(20, rig.Router.ResourcePrints);
            Assert.AreEqual(ScriptedRouterOs.InitialUptimeSeconds + 600, rig.Sample.UptimeSeconds);
        }

        /// <summary>A refused password means the router is alive: a refusal with the router's message.</summary>
        [TestMethod]
        public static void RefusedLoginIsNotCountedAsUnreachable()
        {
            ProbeRig rig = new ProbeRig();
            rig.Router.Password = "other";
            HealthSample sample = rig.Round();
            Assert.IsFalse(sample.ApiReachable);
            Assert.AreEqual((int)ProbeFailure.LoginRejected, (int)sample.Failure);
            Assert.Contains("invalid user name or password", sample.FailureDetail);
        }

        /// <summary>A router that stops answering is a timeout (after the probe timeout of virtual time); a refused connection is ConnectFailed.</summary>
        [TestMethod]
        public static void StalledApiIsATimeoutAndDownIsConnectFailed()
        {
            ProbeRig rig = new ProbeRig();
            Assert.IsTrue(rig.Round().ApiReachable);

            rig.Router.Stalled = true;
            long before = rig.Clock.NowMilliseconds;
            HealthSample sample = rig.Round();
            Assert.AreEqual((int)ProbeFailure.Timeout, (int)sample.Failure);
            Assert.AreEqual("/system/resource/print timed out", sample.FailureDetail);
            long waited = rig.Clock.NowMilliseconds - before;
            Assert.IsTrue(waited >= rig.Config.ProbeTimeoutMilliseconds && waited < 2 * rig.Config.ProbeTimeoutMilliseconds, "waited " + waited.ToString());

            rig.Router.Stalled = false;
            rig.Router.RefuseConnections = true;
            sample = rig.Round();
            Assert.AreEqual((int)ProbeFailure.ConnectFailed, (int)sample.Failure);
            Assert.Contains("connection refused", sample.FailureDetail);
        }

        /// <summary>A router that accepts the connection and never answers the login is a timeout too.</summary>
        [TestMethod]
        public static void StalledLoginIsATimeout()
        {
            ProbeRig rig = new ProbeRig();
            rig.Router.Stalled = true;
            HealthSample sample = rig.Round();
            Assert.IsFalse(sample.ApiReachable);
            Assert.AreEqual((int)ProbeFailure.Timeout, (int)sample.Failure);
            Assert.AreEqual(0, rig.Router.Logins);
        }

        /// <summary>A connection the router closed is lost for this round and reopened on the next.</summary>
        [TestMethod]
        public static void ClosedConnectionIsReopenedNextRound()
        {
            ProbeRig rig = new ProbeRig();
            Assert.IsTrue(rig.Round().ApiReachable);
            rig.Router.DropConnection();

            HealthSample sample = rig.Round();
            Assert.AreEqual((int)ProbeFailure.ConnectFailed, (int)sample.Failure);
            Assert.AreEqual("/system/resource/print: connection lost (TransportError)", sample.FailureDetail);

            Assert.IsTrue(rig.Round().ApiReachable, rig.Sample.FailureDetail);
            Assert.AreEqual(2, rig.Router.Connections);
            Assert.AreEqual(2, rig.Router.Logins);
        }

        /// <summary>A trap on a command leaves the rest unknown; the router still answered, so it is reachable.</summary>
        [TestMethod]
        public static void TrapOnPingLeavesTheRestUnknownButReachable()
        {
            ProbeRig rig = new ProbeRig();
            rig.Router.TrapPing = true;
            HealthSample sample = rig.Round();
            Assert.IsTrue(sample.ApiReachable);
            Assert.AreEqual((long)ScriptedRouterOs.NormalCpuLoad, sample.Resource(sample.Request.ResourceSlot("cpu-load")));
            Assert.AreEqual(-1, sample.PingLoss(0));
            Assert.AreEqual(-1, sample.PingLoss(1));
        }

        /// <summary>Uptimes in both RouterOS forms reach the sample.</summary>
        [TestMethod]
        public static void UptimeOfAFreshlyBootedRouter()
        {
            ProbeRig rig = new ProbeRig();
            rig.Router.PowerCycle(1000);
            rig.Clock.Advance(rig.Router.BootMilliseconds + 65000);
            Assert.AreEqual("1m5s", ScriptedRouterOs.Duration(65));
            Assert.AreEqual(65L, rig.Round().UptimeSeconds);
        }
    }
}
