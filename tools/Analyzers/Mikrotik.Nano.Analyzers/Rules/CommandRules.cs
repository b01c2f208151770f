namespace Mikrotik.Nano.Analyzers.Rules;

/// <summary>
/// The rules of the command builder's arguments, as pure functions over a string. The error-level
/// checks (path, name, proplist, query operations) are exactly the runtime validation of
/// Mikrotik.Nano.Core (<c>CommandBuilder.IsValidPath</c>, <c>CommandWriter.CheckName</c>,
/// <c>CommandWriter.QueryOperations</c>): a constant these accept never throws there, and one they
/// reject always does. The tests check that agreement against the real Core.
/// Each check returns null when the text is valid, else the reason, worded for a diagnostic.
/// </summary>
internal static class CommandRules
{
    /// <summary>Why a path is rejected, or null. A missing leading '/' is reported on its own (it has a fix).</summary>
    public static PathProblem CheckPath(string? path)
    {
        if (path == null)
        {
            return new PathProblem(PathProblemKind.Malformed, "a path cannot be null");
        }

        if (path.Length == 0)
        {
            return new PathProblem(PathProblemKind.Malformed, "a path cannot be empty");
        }

        // Characters first, so that "interface print" says "space" rather than "missing '/'".
        for (int i = 0; i < path.Length; i++)
        {
            char c = path[i];
            if (c != '/' && !IsPathCharacter(c))
            {
                return new PathProblem(PathProblemKind.Malformed,
                    "character " + Describe(c) + " is not allowed: segments are letters, digits, '-', '_' and '.'");
            }

            if (c == '/' && i > 0 && path[i - 1] == '/')
            {
                return new PathProblem(PathProblemKind.Malformed, "it has an empty segment ('//')");
            }
        }

        if (path[0] != '/')
        {
            return new PathProblem(PathProblemKind.MissingLeadingSlash, "it must start with '/'");
        }

        if (path.Length == 1)
        {
            return new PathProblem(PathProblemKind.Malformed, "'/' alone is not a command");
        }

        if (path[path.Length - 1] == '/')
        {
            return new PathProblem(PathProblemKind.Malformed, "it must not end with '/'");
        }

        return PathProblem.None;
    }

    /// <summary>Why an attribute, flag or query name is rejected, or null.</summary>
    public static string? CheckName(string? name)
    {
        if (name == null || name.Length == 0)
        {
            return "a name cannot be empty";
        }

        if (name[0] == '=')
        {
            return "a name cannot start with '=': the builder writes the '=' itself";
        }

        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (c == '=')
            {
                return "'=' separates a name from its value and cannot appear in a name";
            }

            if (!IsNameCharacter(c))
            {
                return "character " + Describe(c) + " is not allowed: names are printable ASCII without spaces";
            }
        }

        return null;
    }

    /// <summary>Why a proplist is rejected at run time, or null (the runtime checks it as a name).</summary>
    public static string? CheckProplist(string? names)
    {
        if (names == null || names.Length == 0)
        {
            return "it cannot be empty";
        }

        for (int i = 0; i < names.Length; i++)
        {
            char c = names[i];
            if (c == ' ')
            {
                return "it cannot contain spaces: write names separated by ',' only";
            }

            if (c == '=')
            {
                return "'=' cannot appear in attribute names";
            }

            if (!IsNameCharacter(c))
            {
                return "character " + Describe(c) + " is not allowed: names are printable ASCII";
            }
        }

        return null;
    }

    /// <summary>The proplist without its spaces (and other blanks), when that is all that is wrong with it; else null.</summary>
    public static string? WithoutSpaces(string? names)
    {
        if (names == null)
        {
            return null;
        }

        var kept = new System.Text.StringBuilder(names.Length);
        foreach (char c in names)
        {
            if (c > ' ')
            {
                kept.Append(c);
            }
        }

        string result = kept.ToString();
        return result.Length != names.Length && CheckProplist(result) == null ? result : null;
    }

    /// <summary>True when a valid proplist has an empty entry (",,", or a ',' at either end): RouterOS accepts it but it is a slip.</summary>
    public static bool HasEmptyEntry(string names)
    {
        return names.Length > 0 && (names[0] == ',' || names[names.Length - 1] == ',' || names.Contains(",,"));
    }

    /// <summary>Why a <c>?#</c> operation string is rejected, or null.</summary>
    public static string? CheckOperations(string? operations)
    {
        if (operations == null || operations.Length == 0)
        {
            return "it cannot be empty";
        }

        foreach (char c in operations)
        {
            if (!(c == '!' || c == '&' || c == '|' || c == '.' || (c >= '0' && c <= '9')))
            {
                return "character " + Describe(c) + " is not an operation: use '!', '&', '|', '.' or a stack index digit";
            }
        }

        return null;
    }

    /// <summary>The final segment of a path (its verb), or null when there is none to check.</summary>
    public static string? LastSegment(string? path)
    {
        if (path == null)
        {
            return null;
        }

        int start = path.LastIndexOf('/') + 1;
        if (start >= path.Length)
        {
            return null;
        }

        for (int i = start; i < path.Length; i++)
        {
            if (!IsPathCharacter(path[i]))
            {
                return null;
            }
        }

        return path.Substring(start);
    }

    /// <summary>The path with its final segment replaced.</summary>
    public static string ReplaceLastSegment(string path, string segment)
    {
        return path.Substring(0, path.LastIndexOf('/') + 1) + segment;
    }

    /// <summary>Characters of a path segment at run time.</summary>
    public static bool IsPathCharacter(char c)
    {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    }

    // Printable ASCII without space; '=' is handled by the callers with its own reason.
    private static bool IsNameCharacter(char c)
    {
        return c > ' ' && c <= '~';
    }

    private static string Describe(char c)
    {
        if (c == ' ')
        {
            return "' ' (space)";
        }

        if (c < ' ' || c > '~')
        {
            return "U+" + ((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture);
        }

        return "'" + c + "'";
    }
}
