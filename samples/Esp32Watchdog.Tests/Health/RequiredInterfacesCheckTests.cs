using Esp32Watchdog.Health;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Health
{
    /// <summary>The required-interfaces check alone: an uplink (LTE, PPPoE) that must be running.</summary>
    [TestClass]
    public class RequiredInterfacesCheckTests
    {
        /// <summary>An interface not running (or missing: the probe reports it as not running) fails, and the text names it.</summary>
        [TestMethod]
        public static void NotRunningFailsAndIsNamed()
        {
            HealthSample s;
            RequiredInterfacesCheck check = Uplink(out s);
            Running(s, true, true);
            Assert.IsFalse(check.Judge(s));
            Assert.AreEqual("interfaces_not_running=0", RecordingFields.Of(check, s));

            Running(s, true, false);
            Assert.IsTrue(check.Judge(s));
            Assert.AreEqual("not running: pppoe-out1", check.Finding(s));
            Assert.AreEqual("not running: interfaces", check.Finding(null));
            Assert.AreEqual("interfaces_not_running=1", RecordingFields.Of(check, s));
        }

        /// <summary>Unknown states (the interface list could not be read) and a silent router never fail.</summary>
        [TestMethod]
        public static void UnknownNeverFails()
        {
            HealthSample s;
            RequiredInterfacesCheck check = Uplink(out s);
            s.Reset();
            s.MarkLoggedIn();
            Assert.IsFalse(check.Judge(s));
            TestConfigs.Unreachable(s, ProbeFailure.ConnectFailed);
            Assert.IsFalse(check.Judge(s));
            Assert.AreEqual("interfaces_not_running=null", RecordingFields.Of(check, s));
        }

        /// <summary>By default it acts (a hung modem is what a reboot fixes); report-only is a setting.</summary>
        [TestMethod]
        public static void ActsByDefaultReportOnlyBySetting()
        {
            Assert.IsFalse(new RequiredInterfacesCheck().ReportOnly);
            RequiredInterfacesCheck copy = (RequiredInterfacesCheck)new RequiredInterfacesCheck { Name = "uplink", Interfaces = new object[] { "lte1" }, ReportOnly = true }.Copy();
            Assert.IsTrue(copy.ReportOnly);
            Assert.AreEqual("uplink", copy.Name);
            Assert.AreEqual("lte1", (string)copy.Interfaces[0]);
        }

        /// <summary>Two checks naming the same interface share its slot: the probe looks it up once.</summary>
        [TestMethod]
        public static void SharedNamesShareASlot()
        {
            ProbeRequest request = new ProbeRequest();
            new RequiredInterfacesCheck { Interfaces = new object[] { "ether1", "lte1" } }.Declare(request);
            new RequiredInterfacesCheck { Name = "uplink", Interfaces = new object[] { "lte1" } }.Declare(request);
            Assert.AreEqual(2, request.InterfaceCount);
            Assert.AreEqual(1, request.InterfaceSlot("lte1"));
        }

        /// <summary>The list is checked: present, filled in, at most 16 names.</summary>
        [TestMethod]
        public static void ListIsValidated()
        {
            Assert.AreEqual("no interface listed", new RequiredInterfacesCheck().Validate());
            Assert.AreEqual("interface not set", new RequiredInterfacesCheck { Interfaces = new object[] { "" } }.Validate());
            Assert.AreEqual("more than 16 of interface", new RequiredInterfacesCheck { Interfaces = new object[17] }.Validate());
            Assert.IsNull(new RequiredInterfacesCheck { Interfaces = new object[] { "lte1" } }.Validate());
        }

        private static void Running(HealthSample s, bool lte, bool pppoe)
        {
            s.Reset();
            s.MarkLoggedIn();
            s.SetInterfaceRunning(0, lte);
            s.SetInterfaceRunning(1, pppoe);
        }

        private static RequiredInterfacesCheck Uplink(out HealthSample sample)
        {
            RequiredInterfacesCheck check = new RequiredInterfacesCheck { Name = "uplink", Interfaces = new object[] { "lte1", "pppoe-out1" } };
            ProbeRequest request = new ProbeRequest();
            check.Declare(request);
            sample = new HealthSample(request);
            return check;
        }
    }
}
