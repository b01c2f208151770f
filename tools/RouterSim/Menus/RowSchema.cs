namespace RouterSim;

/// <summary>The attribute names of a menu's rows, in the order the router prints them.</summary>
public sealed class RowSchema
{
    private readonly Dictionary<string, int> _index = new(StringComparer.Ordinal);

    /// <summary>Creates a schema. <c>.id</c> is implicit and must not be listed.</summary>
    public RowSchema(params string[] columns)
    {
        Columns = columns;
        for (int i = 0; i < columns.Length; i++)
        {
            _index[columns[i]] = i;
        }
    }

    /// <summary>Attribute names, excluding <c>.id</c>.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Index of an attribute, or -1 if the menu has no such attribute.</summary>
    public int IndexOf(string name) => _index.TryGetValue(name, out int i) ? i : -1;
}
