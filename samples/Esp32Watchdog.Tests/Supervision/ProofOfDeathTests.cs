using System;
using Esp32Watchdog.Configuration;
using Esp32Watchdog.Ports;
using Esp32Watchdog.Supervision;
using Esp32Watchdog.Tests.Support;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Supervision
{
    /// <summary>A round counts as "unreachable" only when the router's second port is silent too.</summary>
    [TestClass]
    public class ProofOfDeathTests
    {
        /// <summary>A probe that ends every round the same way.</summary>
        internal sealed class OutcomeProbe : IRouterProbe
        {
            public ProbeFailure Failure;

            public void Probe(HealthSample sample)
            {
                if (Failure == ProbeFailure.None)
                {
                    sample.MarkLoggedIn();
                }
                else
                {
                    sample.MarkFailed(Failure, "api said nothing");
                }
            }
        }

        /// <summary>A knock that throws (the board out of memory).</summary>
        internal sealed class ThrowingKnock : IPortKnock
        {
            public PortAnswer Knock(string host, int port, int timeoutMilliseconds)
            {
                throw new OutOfMemoryException();
            }
        }

        private static HealthSample Round(ProbeFailure apiOutcome, IPortKnock knock)
        {
            RouterConfig router = TestConfigs.Valid().Routers[0];
            OutcomeProbe inner = new OutcomeProbe { Failure = apiOutcome };
            HealthSample sample = TestConfigs.NewSample();
            new ProofOfDeath(inner, router, knock, 3000).Probe(sample);
            return sample;
        }

        /// <summary>A round the API answered, or refused, needs no evidence: the second port is not tried.</summary>
        [TestMethod]
        [DataRow(0)]
        [DataRow(3)]
        [DataRow(4)]
        [DataRow(5)]
        [DataRow(6)]
        public static void AnsweredOrRefusedRoundsAreNotChecked(int failure)
        {
            FixedKnock knock = new FixedKnock(PortAnswer.Silent);
            HealthSample sample = Round((ProbeFailure)failure, knock);
            Assert.AreEqual(0, knock.Knocks);
            Assert.AreEqual(failure, (int)sample.Failure);
        }

        /// <summary>API silent or refused, second port answers: the router runs, "API service down", not counted.</summary>
        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        public static void AnAnsweringSecondPortMakesItServiceDown(int failure)
        {
            FixedKnock knock = new FixedKnock(PortAnswer.Answered);
            HealthSample sample = Round((ProbeFailure)failure, knock);
            Assert.AreEqual(1, knock.Knocks);
            Assert.AreEqual((int)ProbeFailure.ServiceDown, (int)sample.Failure);
            Assert.IsFalse(sample.ApiReachable);
            Assert.IsTrue(sample.FailureDetail.IndexOf("API service down: port 8291 answers") >= 0, sample.FailureDetail);
            Assert.IsTrue(sample.FailureDetail.IndexOf("api said nothing") == 0, sample.FailureDetail);
        }

        /// <summary>Only silence on both ports leaves the round counted.</summary>
        [TestMethod]
        [DataRow(1)]
        [DataRow(2)]
        public static void SilenceOnBothPortsStaysCounted(int failure)
        {
            FixedKnock knock = new FixedKnock(PortAnswer.Silent);
            HealthSample sample = Round((ProbeFailure)failure, knock);
            Assert.AreEqual(1, knock.Knocks);
            Assert.AreEqual(failure, (int)sample.Failure);
        }

        /// <summary>The board's own trouble (no socket, no name service, an exception) is never counted against the router.</summary>
        [TestMethod]
        public static void TheBoardsTroubleIsNeverCounted()
        {
            Assert.AreEqual((int)ProbeFailure.ProbeError, (int)Round(ProbeFailure.Timeout, new FixedKnock(PortAnswer.BoardError)).Failure);
            Assert.AreEqual((int)ProbeFailure.ProbeError, (int)Round(ProbeFailure.ConnectFailed, new ThrowingKnock()).Failure);
        }

        /// <summary>The second port's socket errors read alike on the board and the host.</summary>
        [TestMethod]
        [DataRow(10061, 0)]
        [DataRow(10054, 0)]
        [DataRow(10060, 1)]
        [DataRow(10053, 1)]
        [DataRow(11001, 2)]
        [DataRow(10055, 2)]
        [DataRow(10024, 2)]
        [DataRow(10051, 2)]
        [DataRow(10065, 2)]
        [DataRow(0, 2)]
        public static void SocketErrorsReadAsTheTableSays(int code, int answer)
        {
            Assert.AreEqual(answer, (int)PortKnockErrors.FromSocketError(code));
        }

        /// <summary>A router whose API hangs but whose kernel answers is never power-cycled, in a day of virtual time.</summary>
        [TestMethod]
        public static void AnAliveRouterWithAHungApiIsNeverPowerCycled()
        {
            SupervisorRig rig = new SupervisorRig(true);
            rig.Router.ApiHung = true;
            rig.Router.SecondPortAnswers = true;
            rig.RunFor(24 * 60);
            Assert.AreEqual(0, rig.Router.PowerCycles);
            Assert.IsTrue(rig.Router.Knocks > 100, rig.Router.Knocks.ToString());
            Assert.IsTrue(rig.Log.CountOf(DecisionCode.ProbeProblem) > 0);
            Assert.AreEqual(0, rig.Log.CountOf(DecisionCode.PowerCycleRequested));
        }

        /// <summary>The same hang with the second port silent too is a dead router: the power is cut.</summary>
        [TestMethod]
        public static void ADeadRouterIsStillPowerCycled()
        {
            SupervisorRig rig = new SupervisorRig(true);
            rig.Router.ApiHung = true;
            rig.RunFor(60);
            Assert.AreEqual(1, rig.Router.PowerCycles);
        }

        /// <summary>A relay without a second port to prove death, or a second port equal to the API's, is refused.</summary>
        [TestMethod]
        public static void ARelayNeedsASecondPort()
        {
            WatchdogConfig config = TestConfigs.Valid(26);
            config.Routers[0].LivenessPort = 0;
            Assert.IsNotNull(config.Validate());
            config.Routers[0].LivenessPort = config.Routers[0].Port;
            Assert.IsNotNull(config.Validate());
            config = TestConfigs.Valid(-1);
            config.Routers[0].LivenessPort = 0;
            Assert.IsNull(config.Validate());
        }
    }
}
