using System;
using Esp32Watchdog.Configuration;
using Esp32Watchdog.Supervision;
using nanoFramework.TestFramework;

namespace Esp32Watchdog.Tests.Safety
{
    /// <summary>The level that keeps the router powered, for each polarity and contact.</summary>
    [TestClass]
    public class RelayLevelsTests
    {
        /// <summary>NC: powered while the coil rests; NO: powered while it is energised.</summary>
        [TestMethod]
        public static void PoweredLevelFollowsPolarityAndContact()
        {
            Assert.IsFalse(RelayLevels.PoweredLevelIsHigh(RelayPolarity.ActiveHigh, RelayContact.NormallyClosed));
            Assert.IsTrue(RelayLevels.PoweredLevelIsHigh(RelayPolarity.ActiveLow, RelayContact.NormallyClosed));
            Assert.IsTrue(RelayLevels.PoweredLevelIsHigh(RelayPolarity.ActiveHigh, RelayContact.NormallyOpen));
            Assert.IsFalse(RelayLevels.PoweredLevelIsHigh(RelayPolarity.ActiveLow, RelayContact.NormallyOpen));
        }

        /// <summary>An unset polarity or contact is never guessed.</summary>
        [TestMethod]
        public static void UnsetIsNeverGuessed()
        {
            Assert.ThrowsException(typeof(ArgumentException), () => RelayLevels.PoweredLevelIsHigh(RelayPolarity.NotSet, RelayContact.NormallyClosed));
            Assert.ThrowsException(typeof(ArgumentException), () => RelayLevels.PoweredLevelIsHigh(RelayPolarity.ActiveLow, RelayContact.NotSet));
        }
    }
}
