using Esp32Watchdog.Health;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Health
{
    /// <summary>The ping-loss check alone: its targets, its threshold, its text and fields.</summary>
    [TestClass]
    public class PingLossCheckTests
    {
        /// <summary>Loss above the maximum to any target fails; at the maximum does not; the text names the lost targets.</summary>
        [TestMethod]
        public static void LossAboveTheMaximumToAnyTargetFails()
        {
            HealthSample s;
            PingLossCheck check = Declared(new PingLossCheck { Targets = new object[] { "192.0.2.254", "198.51.100.1" }, MaxLossPercent = 50 }, out s);
            Losses(s, 0, 50);
            Assert.IsFalse(check.Judge(s));
            Assert.AreEqual("ping_loss_max_percent=50 ping_targets_lost=0", RecordingFields.Of(check, s));

            Losses(s, 0, 80);
            Assert.IsTrue(check.Judge(s));
            Assert.AreEqual("ping loss 198.51.100.1 80%", check.Finding(s));
            Assert.AreEqual("ping loss above 50%", check.Finding(null));
            Assert.AreEqual("ping_loss_max_percent=80 ping_targets_lost=1", RecordingFields.Of(check, s));
        }

        /// <summary>Unknown losses and a silent router never fail.</summary>
        [TestMethod]
        public static void UnknownNeverFails()
        {
            HealthSample s;
            PingLossCheck check = Declared(new PingLossCheck { Targets = new object[] { "192.0.2.254" } }, out s);
            s.Reset();
            s.MarkLoggedIn();
            Assert.IsFalse(check.Judge(s));
            TestConfigs.Unreachable(s, ProbeFailure.Timeout);
            Assert.IsFalse(check.Judge(s));
            Assert.AreEqual("ping_loss_max_percent=null ping_targets_lost=null", RecordingFields.Of(check, s));
        }

        /// <summary>Its targets and count go to the probe request; two checks pinging one target share its slot and the larger count.</summary>
        [TestMethod]
        public static void TargetsAndCountGoToTheRequest()
        {
            ProbeRequest request = new ProbeRequest();
            new PingLossCheck { Targets = new object[] { "1.1.1.1", "9.9.9.9" }, Count = 2 }.Declare(request);
            new PingLossCheck { Name = "isp", Targets = new object[] { "9.9.9.9" }, Count = 5 }.Declare(request);
            Assert.AreEqual(2, request.PingTargetCount);
            Assert.AreEqual("9.9.9.9", request.PingTarget(1));
            Assert.AreEqual(5, request.PingCount);
        }

        /// <summary>Targets, count and threshold are checked.</summary>
        [TestMethod]
        public static void SettingsAreValidated()
        {
            Assert.AreEqual("no ping target listed", new PingLossCheck().Validate());
            Assert.AreEqual("ping target not set", new PingLossCheck { Targets = new object[] { "CHANGE-ME" } }.Validate());
            Assert.AreEqual("ping target not set", new PingLossCheck { Targets = new object[] { null } }.Validate());
            Assert.AreEqual("ping count out of range (1-10)", new PingLossCheck { Targets = new object[] { "1.1.1.1" }, Count = 0 }.Validate());
            Assert.AreEqual("ping-loss threshold out of range (0-99)", new PingLossCheck { Targets = new object[] { "1.1.1.1" }, MaxLossPercent = -1 }.Validate());
            Assert.IsNull(new PingLossCheck { Targets = new object[] { "1.1.1.1" } }.Validate());
        }

        private static void Losses(HealthSample s, int first, int second)
        {
            s.Reset();
            s.MarkLoggedIn();
            s.SetPingLoss(0, first);
            s.SetPingLoss(1, second);
        }

        private static PingLossCheck Declared(PingLossCheck check, out HealthSample sample)
        {
            ProbeRequest request = new ProbeRequest();
            check.Declare(request);
            sample = new HealthSample(request);
            return check;
        }
    }
}
