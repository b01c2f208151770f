namespace RouterSim;

/// <summary>A menu's item list (e.g. /ip/firewall/address-list) with ids, change notification
/// and snapshots for printing. Thread-safe.</summary>
public sealed class MenuTable
{
    private readonly object _gate = new();
    private readonly List<Row> _rows = new();
    private readonly Dictionary<uint, Row> _byId = new();
    private Row[]? _snapshot;
    private uint _nextId;

    /// <summary>Creates a table whose first id will be <paramref name="firstId"/>.</summary>
    public MenuTable(RowSchema schema, uint firstId = 1)
    {
        Schema = schema;
        _nextId = firstId;
    }

    /// <summary>Raised after a row was added or changed (<c>removed</c> false) or removed (true).</summary>
    public event Action<Row, bool>? Changed;

    /// <summary>The rows' schema.</summary>
    public RowSchema Schema { get; }

    /// <summary>Number of rows.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _rows.Count;
            }
        }
    }

    /// <summary>Adds a row with the next id and returns it.</summary>
    public Row Add(params string?[] values)
    {
        Row row;
        lock (_gate)
        {
            row = new Row(Schema, _nextId++, values);
            _rows.Add(row);
            _byId[row.Id] = row;
            _snapshot = null;
        }

        Changed?.Invoke(row, false);
        return row;
    }

    /// <summary>Adds many rows at once without raising events (bulk population for tests).</summary>
    public void AddMany(int count, Func<int, string?[]> values)
    {
        lock (_gate)
        {
            _rows.Capacity = Math.Max(_rows.Capacity, _rows.Count + count);
            _byId.EnsureCapacity(_byId.Count + count);
            for (int i = 0; i < count; i++)
            {
                var row = new Row(Schema, _nextId++, values(i));
                _rows.Add(row);
                _byId[row.Id] = row;
            }

            _snapshot = null;
        }
    }

    /// <summary>Removes a row; false when the id is unknown. <paramref name="notify"/> false
    /// removes silently (log rotation must not look like a deletion to followers).</summary>
    public bool Remove(uint id, bool notify = true)
    {
        Row? row;
        lock (_gate)
        {
            if (!_byId.Remove(id, out row))
            {
                return false;
            }

            _rows.Remove(row);
            _snapshot = null;
        }

        if (notify)
        {
            Changed?.Invoke(row, true);
        }

        return true;
    }

    /// <summary>Removes every row (no events).</summary>
    public void Clear()
    {
        lock (_gate)
        {
            _rows.Clear();
            _byId.Clear();
            _snapshot = null;
        }
    }

    /// <summary>Finds a row by id, or null.</summary>
    public Row? Find(uint id)
    {
        lock (_gate)
        {
            return _byId.TryGetValue(id, out Row? row) ? row : null;
        }
    }

    /// <summary>First row whose attribute equals <paramref name="value"/>, or null.</summary>
    public Row? FindBy(string name, string value)
    {
        foreach (Row row in Snapshot())
        {
            if (row.Get(name) == value)
            {
                return row;
            }
        }

        return null;
    }

    /// <summary>Changes one attribute of a row and raises <see cref="Changed"/>.</summary>
    public void Set(Row row, string name, string? value) => Update(row, row.With(name, value));

    /// <summary>Replaces a row's values and raises <see cref="Changed"/>.</summary>
    public void Update(Row row, string?[] values)
    {
        row.Replace(values);
        Changed?.Invoke(row, false);
    }

    /// <summary>The rows at this moment, in id order. Shared and cached: do not modify.</summary>
    public Row[] Snapshot()
    {
        lock (_gate)
        {
            return _snapshot ??= _rows.ToArray();
        }
    }
}
