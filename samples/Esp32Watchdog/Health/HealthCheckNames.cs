namespace Esp32Watchdog.Health
{
    /// <summary>The rules checks share for names: their own name and the lists of names in their settings.</summary>
    public static class HealthCheckNames
    {
        /// <summary>The longest check name.</summary>
        public const int MaxLength = 24;

        /// <summary>The most names in one check's list (the probe's limit, see <see cref="Ports.ProbeRequest.MaxNames"/>).</summary>
        public const int MaxListLength = Ports.ProbeRequest.MaxNames;

        private const string Placeholder = "CHANGE-ME";

        /// <summary>Checks a check's name: 1..<see cref="MaxLength"/> of a-z, 0-9 and '-'.</summary>
        /// <param name="name">The name.</param>
        /// <returns>A problem, or null.</returns>
        public static string CheckName(string name)
        {
            if (name == null || name.Length == 0 || name.Length > MaxLength)
            {
                return "check name must be 1-24 characters";
            }

            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'))
                {
                    return "check name may hold only a-z, 0-9 and '-'";
                }
            }

            return null;
        }

        /// <summary>Checks a list of names (interfaces, addresses): present, 1..<see cref="MaxListLength"/> entries, each a filled-in string.</summary>
        /// <param name="names">The list.</param>
        /// <param name="what">What the entries are, for the message, e.g. "interface".</param>
        /// <returns>A problem, or null.</returns>
        public static string CheckList(object[] names, string what)
        {
            if (names == null || names.Length == 0)
            {
                return "no " + what + " listed";
            }

            if (names.Length > MaxListLength)
            {
                return "more than 16 of " + what;
            }

            for (int i = 0; i < names.Length; i++)
            {
                string name = names[i] as string;
                if (name == null || name.Length == 0 || name.IndexOf(Placeholder) >= 0)
                {
                    return what + " not set";
                }
            }

            return null;
        }
    }
}
