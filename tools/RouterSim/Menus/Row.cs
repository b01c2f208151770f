namespace RouterSim;

/// <summary>
/// One item of a menu. Values are replaced as a whole array on change (copy on write), so a
/// print that is streaming a snapshot never sees a half-updated row.
/// </summary>
public sealed class Row
{
    private string?[] _values;

    /// <summary>Creates a row; <paramref name="id"/> 0 means the row has no <c>.id</c> (e.g. /system/resource).</summary>
    public Row(RowSchema schema, uint id, string?[] values)
    {
        if (values.Length != schema.Columns.Count)
        {
            throw new ArgumentException("one value per schema column is required", nameof(values));
        }

        Schema = schema;
        Id = id;
        _values = values;
    }

    /// <summary>The row's schema.</summary>
    public RowSchema Schema { get; }

    /// <summary>Internal number; printed as <c>*HEX</c>.</summary>
    public uint Id { get; }

    /// <summary>The <c>.id</c> text (<c>*1A</c>), or null when the row has none.</summary>
    public string? IdText => Id == 0 ? null : FormatId(Id);

    /// <summary>Current values, one per schema column; null means "attribute absent".</summary>
    public string?[] Values => Volatile.Read(ref _values);

    /// <summary>Formats an internal number the way RouterOS prints ids.</summary>
    public static string FormatId(uint id) => "*" + id.ToString("X");

    /// <summary>Parses <c>*HEX</c>; returns 0 when the text is not an id.</summary>
    public static uint ParseId(string text)
    {
        if (text.Length < 2 || text[0] != '*')
        {
            return 0;
        }

        return uint.TryParse(text.AsSpan(1), System.Globalization.NumberStyles.HexNumber, null, out uint id) ? id : 0;
    }

    /// <summary>Value of an attribute (including <c>.id</c>), or null when absent.</summary>
    public string? Get(string name)
    {
        if (name == ".id")
        {
            return IdText;
        }

        int i = Schema.IndexOf(name);
        return i < 0 ? null : Values[i];
    }

    /// <summary>Returns a copy of the values with one attribute changed (for <see cref="Replace"/>).</summary>
    public string?[] With(string name, string? value)
    {
        string?[] copy = (string?[])Values.Clone();
        int i = Schema.IndexOf(name);
        if (i < 0)
        {
            throw new ArgumentException("unknown attribute " + name, nameof(name));
        }

        copy[i] = value;
        return copy;
    }

    /// <summary>Swaps in a new value array.</summary>
    public void Replace(string?[] values) => Volatile.Write(ref _values, values);

    /// <summary>Encodes this row as <c>!re</c> into <paramref name="buffer"/>.</summary>
    /// <param name="buffer">Destination.</param>
    /// <param name="proplist">Attributes to include, or null for all.</param>
    /// <param name="tag">Command tag, or null (the buffer places it).</param>
    /// <param name="extra">Attributes appended after the row's own (e.g. <c>.dead</c>).</param>
    public void WriteTo(ReplyBuffer buffer, HashSet<string>? proplist, string? tag, string? extra = null)
    {
        buffer.BeginSentence("!re", tag);
        string? id = IdText;
        if (id != null && (proplist == null || proplist.Contains(".id")))
        {
            buffer.AddWord("=.id=" + id);
        }

        string?[] values = Values;
        for (int i = 0; i < values.Length; i++)
        {
            string? value = values[i];
            if (value != null && (proplist == null || proplist.Contains(Schema.Columns[i])))
            {
                buffer.AddWord("=" + Schema.Columns[i] + "=" + value);
            }
        }

        if (extra != null)
        {
            buffer.AddWord(extra);
        }

        buffer.EndSentence();
    }
}
