using Esp32Watchdog.Persistence;
using Esp32Watchdog.Ports;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Persistence
{
    /// <summary>The kept judgement's binary form: round trip, checksum, version, bounds, keys by name, conservative reading.</summary>
    [TestClass]
    public class JudgementCodecTests
    {
        private static RouterJudgement Judgement(string name, int slots)
        {
            RouterJudgement j = new RouterJudgement(slots);
            j.Name = name;
            return j;
        }

        private static int EncodeTwo(byte[] buffer)
        {
            RouterJudgement core = Judgement("core", 3);
            core.GivenUp = true;
            core.FlagSeen = true;
            core.ConsecutiveActions = 2;
            core.AddAction(1000);
            core.AddAction(5000);
            RouterJudgement edge = Judgement("edge", 3);
            edge.Holding = true;
            edge.HoldByFlag = true;
            edge.HoldEndsAt = 99000;
            return JudgementCodec.Encode(new RouterJudgement[] { core, edge }, 7, 60000, buffer);
        }

        /// <summary>The IEEE CRC-32 check value.</summary>
        [TestMethod]
        public static void Crc32OfTheCheckString()
        {
            byte[] data = new byte[] { (byte)'1', (byte)'2', (byte)'3', (byte)'4', (byte)'5', (byte)'6', (byte)'7', (byte)'8', (byte)'9' };
            Assert.AreEqual(0xCBF43926u, Crc32.Compute(data, 0, data.Length));
        }

        /// <summary>Every field comes back, found by name whatever the order of the configuration.</summary>
        [TestMethod]
        public static void RoundTripFindsRecordsByName()
        {
            byte[] buffer = new byte[JudgementCodec.MaxLength(2, 3)];
            int length = EncodeTwo(buffer);
            Assert.IsNull(JudgementCodec.Check(buffer, length));
            Assert.AreEqual(7u, JudgementCodec.SequenceOf(buffer));
            Assert.AreEqual(60000L, JudgementCodec.LifetimeOf(buffer));

            // Looked up in the other order: each router gets its own record.
            RouterJudgement edge = Judgement("edge", 3);
            Assert.IsTrue(JudgementCodec.Find(buffer, edge));
            Assert.IsTrue(edge.Holding);
            Assert.IsTrue(edge.HoldByFlag);
            Assert.AreEqual(99000L, edge.HoldEndsAt);
            Assert.IsFalse(edge.GivenUp);
            Assert.AreEqual(0, edge.ActionCount);

            RouterJudgement core = Judgement("core", 3);
            Assert.IsTrue(JudgementCodec.Find(buffer, core));
            Assert.IsTrue(core.GivenUp);
            Assert.IsTrue(core.FlagSeen);
            Assert.AreEqual(2, core.ConsecutiveActions);
            Assert.AreEqual(2, core.ActionCount);
            Assert.AreEqual(1000L, core.ActionTimes[0]);
            Assert.AreEqual(5000L, core.ActionTimes[1]);

            Assert.IsFalse(JudgementCodec.Find(buffer, Judgement("cor", 3)));
            Assert.IsFalse(JudgementCodec.Find(buffer, Judgement("spare", 3)));
        }

        /// <summary>Any flipped bit, a short read, another version or foreign bytes make a copy invalid.</summary>
        [TestMethod]
        public static void DamagedCopiesAreRefused()
        {
            byte[] buffer = new byte[JudgementCodec.MaxLength(2, 3)];
            int length = EncodeTwo(buffer);
            for (int i = 0; i < length; i++)
            {
                buffer[i] ^= 0x04;
                Assert.IsNotNull(JudgementCodec.Check(buffer, length), "flipped byte " + i.ToString());
                buffer[i] ^= 0x04;
            }

            Assert.IsNull(JudgementCodec.Check(buffer, length));
            Assert.StartsWith("cut short", JudgementCodec.Check(buffer, length - 1));
            Assert.StartsWith("too short", JudgementCodec.Check(buffer, 3));

            buffer[4] = 2;
            Assert.AreEqual("version 2 unknown", JudgementCodec.Check(buffer, length));
            buffer[0] = (byte)'X';
            Assert.AreEqual("not a history copy", JudgementCodec.Check(buffer, length));
        }

        /// <summary>An action later than the copy's own lifetime is read as taken at that lifetime; only the most recent K are kept.</summary>
        [TestMethod]
        public static void ReadingIsConservative()
        {
            RouterJudgement j = Judgement("core", 4);
            j.AddAction(100);
            j.AddAction(200);
            j.AddAction(300);
            j.AddAction(90000);
            byte[] buffer = new byte[JudgementCodec.MaxLength(1, 4)];
            int length = JudgementCodec.Encode(new RouterJudgement[] { j }, 1, 50000, buffer);
            Assert.IsNull(JudgementCodec.Check(buffer, length));

            // Read by a configuration with K = 2: the two most recent, the impossible one at 50000.
            RouterJudgement back = Judgement("core", 2);
            Assert.IsTrue(JudgementCodec.Find(buffer, back));
            Assert.AreEqual(2, back.ActionCount);
            long a = back.ActionTimes[0];
            long b = back.ActionTimes[1];
            Assert.AreEqual(50000L, a > b ? a : b);
            Assert.AreEqual(300L, a > b ? b : a);
        }

        /// <summary>Names are keys cut at 32 characters.</summary>
        [TestMethod]
        public static void LongNamesAreCutToTheKey()
        {
            string longName = "router-with-a-very-long-name-0123456789";
            RouterJudgement j = Judgement(longName, 3);
            j.GivenUp = true;
            byte[] buffer = new byte[JudgementCodec.MaxLength(1, 3)];
            int length = JudgementCodec.Encode(new RouterJudgement[] { j }, 1, 0, buffer);
            Assert.IsNull(JudgementCodec.Check(buffer, length));
            RouterJudgement back = Judgement(longName, 3);
            Assert.IsTrue(JudgementCodec.Find(buffer, back));
            Assert.IsTrue(back.GivenUp);
        }
    }
}
