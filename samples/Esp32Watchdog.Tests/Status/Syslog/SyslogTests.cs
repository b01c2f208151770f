using System;
using Esp32Watchdog.Policy;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Status.Formats;
using Esp32Watchdog.Status.Syslog;
using Esp32Watchdog.Tests.Status.Formats;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Status.Syslog
{
    /// <summary>RFC 5424 messages of decisions, and a sender failure never reaches the watch loop.</summary>
    [TestClass]
    public class SyslogTests
    {
        private sealed class FakeSender : IDatagramSender
        {
            public int Sends;
            public int LastCount;
            public bool Throw;

            public void Send(byte[] buffer, int offset, int count)
            {
                if (Throw)
                {
                    throw new InvalidOperationException("network down");
                }

                Sends++;
                LastCount = count;
            }
        }

        /// <summary>A reboot request: local0.warning with a timestamp.</summary>
        [TestMethod]
        public static void FormatsARebootRequest()
        {
            ByteWriter w = new ByteWriter(SyslogFormatter.MaxMessageBytes);
            Decision d = new Decision(DecisionCode.RebootRequested, 0, "main", "cpu-load >= 98% for 10 samples", 1000);
            SyslogFormatter.Write(d, "esp32-watchdog", true, new DateTime(2026, 11, 30, 15, 4, 5, 67), w);
            Assert.AreEqual("<132>1 2026-11-30T15:04:05.067Z esp32-watchdog esp32-watchdog - RebootRequested - main: cpu-load >= 98% for 10 samples", w.ToString());
        }

        /// <summary>Without a set clock the timestamp is the nil value; gave-up is an error; no reason means no colon.</summary>
        [TestMethod]
        public static void NilTimestampAndSeverities()
        {
            ByteWriter w = new ByteWriter(SyslogFormatter.MaxMessageBytes);
            SyslogFormatter.Write(new Decision(DecisionCode.GivenUp, 0, "edge", string.Empty, 0), "board-1", false, DateTime.UtcNow, w);
            Assert.AreEqual("<131>1 - board-1 esp32-watchdog - GivenUp - edge", w.ToString());
            SyslogFormatter.Write(new Decision(DecisionCode.RecoveryVerified, 0, "edge", "ok", 0), "board-1", false, DateTime.UtcNow, w);
            Assert.StartsWith("<133>1 - ", w.ToString());
        }

        /// <summary>Non-ASCII text is UTF-8 after a BOM; a long reason is cut at 480 bytes.</summary>
        [TestMethod]
        public static void Utf8WithBomAndBounded()
        {
            ByteWriter w = new ByteWriter(SyslogFormatter.MaxMessageBytes);
            // Decision reasons are capped (router text), so the length comes from the router's name.
            SyslogFormatter.Write(new Decision(DecisionCode.HealthDegraded, 0, "\u0440\u043e\u0443\u0442\u0435\u0440" + new string('x', 1000), "reason", 0), "b", false, DateTime.UtcNow, w);
            Assert.IsFalse(w.Overflowed);
            Assert.AreEqual(SyslogFormatter.MaxMessageBytes, w.Length);
            byte[] bytes = ByteWriterTests.Slice(w);
            string head = "<132>1 - b esp32-watchdog - HealthDegraded - ";
            Assert.AreEqual((byte)0xEF, bytes[head.Length]);
            Assert.AreEqual((byte)0xBB, bytes[head.Length + 1]);
            Assert.AreEqual((byte)0xBF, bytes[head.Length + 2]);
            Assert.AreEqual((byte)0xD1, bytes[head.Length + 3]);
        }

        /// <summary>The log sends each decision and passes it on; a failing send is counted and swallowed.</summary>
        [TestMethod]
        public static void SendFailuresNeverStopTheLoop()
        {
            FakeSender sender = new FakeSender();
            RecordingLog next = new RecordingLog();
            SyslogDecisionLog log = new SyslogDecisionLog(sender, "board", next);
            log.Record(new Decision(DecisionCode.HealthDegraded, 0, "main", "cpu", 0));
            Assert.AreEqual(1, sender.Sends);
            Assert.AreEqual(1, log.Sent);
            Assert.IsTrue(sender.LastCount > 20);
            sender.Throw = true;
            log.Record(new Decision(DecisionCode.HealthRestored, 0, "main", string.Empty, 0));
            Assert.AreEqual(1, log.Failed);
            Assert.AreEqual(2, next.Count);
        }
    }
}
