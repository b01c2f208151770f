using System;

namespace Mikrotik.Nano.Analyzers.Rules;

/// <summary>
/// Typo detection for the final segment of a command path. RouterOS menus share a small set of
/// verbs; a final segment that is not one of them but is one or two edits away from one
/// (e.g. <c>prnt</c>, <c>pirnt</c>, <c>remvoe</c>) is almost certainly a misspelling. Words far from
/// every verb are menu-specific commands (<c>/system/reboot</c>, <c>/tool/torch</c>) and are left alone.
/// </summary>
internal static class Verbs
{
    // The usual verbs first (a tie goes to the earlier one), then the root commands, then
    // menu-specific commands that sit near a usual verb and must not be taken for its typo.
    private static readonly string[] Known =
    {
        "print", "getall", "get", "set", "add", "remove", "enable", "disable", "listen", "monitor",
        "reset", "unset", "comment", "move", "find", "export", "edit",
        "cancel", "login", "quit",
        "ping", "reboot", "shutdown", "fetch", "run", "save", "load", "scan", "renew", "release",
        "import", "send", "clear", "flush", "torch", "traceroute", "upgrade", "install", "download",
        "blink", "generate", "sniff", "make-static", "reset-counters", "reset-counters-all",
        "monitor-traffic", "check-for-updates", "reset-configuration", "force-update",
    };

    /// <summary>Every verb the check knows.</summary>
    public static System.Collections.Generic.IReadOnlyList<string> All => Known;

    /// <summary>True when the word is a verb RouterOS has.</summary>
    public static bool IsKnown(string word)
    {
        return Array.IndexOf(Known, word) >= 0;
    }

    /// <summary>
    /// The verb the word is a misspelling of, or null when it is a known verb or not close to any
    /// (at most one edit for words of up to five letters, two for longer ones; a swap of two
    /// neighbouring letters is one edit).
    /// </summary>
    public static string? Misspelt(string word)
    {
        if (word.Length == 0 || IsKnown(word))
        {
            return null;
        }

        int limit = word.Length <= 5 ? 1 : 2;
        string lower = word.ToLowerInvariant();
        string? best = null;
        int bestDistance = limit + 1;
        foreach (string verb in Known)
        {
            int distance = Distance(lower, verb, bestDistance);
            if (distance < bestDistance)
            {
                best = verb;
                bestDistance = distance;
            }
        }

        // A word that differs from a verb only by letter case ("Print") is a typo too (distance 0).
        return best;
    }

    // Optimal string alignment distance (Levenshtein plus transposition of neighbours), giving up
    // once every entry of a row reaches the cap.
    private static int Distance(string a, string b, int cap)
    {
        if (Math.Abs(a.Length - b.Length) >= cap)
        {
            return cap;
        }

        int[] previous2 = new int[b.Length + 1];
        int[] previous = new int[b.Length + 1];
        int[] current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin >= cap)
            {
                return cap;
            }

            int[] spare = previous2;
            previous2 = previous;
            previous = current;
            current = spare;
        }

        return Math.Min(previous[b.Length], cap);
    }
}
