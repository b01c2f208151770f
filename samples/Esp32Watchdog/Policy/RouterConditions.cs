namespace Esp32Watchdog.Policy
{
    /// <summary>Ranks <see cref="RouterCondition"/>s: their numbers are stable, not ordered by severity.</summary>
    public static class RouterConditions
    {
        /// <summary>How bad a condition is, 0 (healthy) to 5 (given up); the LED shows the worst router's.</summary>
        /// <param name="condition">A condition.</param>
        /// <returns>Its rank.</returns>
        public static int Severity(RouterCondition condition)
        {
            switch (condition)
            {
                case RouterCondition.Maintenance: return 1;
                case RouterCondition.Degraded: return 2;
                case RouterCondition.Blind: return 3;
                case RouterCondition.Acting: return 4;
                case RouterCondition.GivenUp: return 5;
                default: return 0;
            }
        }
    }
}
