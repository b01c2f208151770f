using System;

namespace Mikrotik.Nano
{
    /// <summary>
    /// Caller-owned, fixed-capacity storage for the rows of a command run to completion by
    /// <see cref="ApiClient.Run"/>: up to <see cref="Capacity"/> rows of the named columns, their
    /// values copied as bytes into one arena, and the <c>=ret=</c> of the final <c>!done</c>.
    /// Allocated once and reused; reading a value makes a string only when asked.
    /// </summary>
    /// <remarks>
    /// A value is present, absent, or unknown: when the router's reply lost words
    /// (<see cref="IsTruncated"/>), an absent column may have been dropped, and the run's result
    /// is <see cref="ErrorCode.Truncated"/>. Columns are addressed by index or by name.
    /// </remarks>
    public sealed class RowTable : ICommandSink
    {
        private readonly string[] _columns;
        private readonly int[] _offsets;
        private readonly int[] _lengths;
        private readonly bool[] _truncated;
        private readonly byte[] _arena;
        private ITextDecoder _decoder;
        private int _used;
        private int _retOffset;
        private int _retLength;
        private int _capacity;
        private int _count;
        private ErrorCode _result;
        private string _trapMessage;
        private bool _trapped;
        private bool _sawTruncated;

        /// <summary>Creates the storage.</summary>
        /// <param name="columns">The attribute names to keep, e.g. <c>name</c>, <c>running</c>.</param>
        /// <param name="maxRows">The most rows kept; one more is an overflow.</param>
        /// <param name="arenaBytes">Bytes for all kept values (and the <c>=ret=</c>) together.</param>
        /// <exception cref="MikrotikException">InvalidConfiguration: a size out of range, or a column name null or empty.</exception>
        public RowTable(string[] columns, int maxRows, int arenaBytes)
        {
            if (columns == null || columns.Length == 0 || maxRows < 1 || arenaBytes < 0)
            {
                throw new MikrotikException(ErrorCode.InvalidConfiguration, "bad row table size");
            }

            for (int i = 0; i < columns.Length; i++)
            {
                // IsNullOrEmpty, not == null: an unassigned string[] element fails == null on nanoCLR
                // and would crash the string comparisons in ColumnOf.
                if (string.IsNullOrEmpty(columns[i]))
                {
                    throw new MikrotikException(ErrorCode.InvalidConfiguration, "empty column name");
                }
            }

            _columns = columns;
            _offsets = new int[maxRows * columns.Length];
            _lengths = new int[maxRows * columns.Length];
            _truncated = new bool[maxRows];
            _arena = new byte[arenaBytes];
            _capacity = maxRows;
            _retLength = -1;
        }

        /// <summary>How many rows fit.</summary>
        public int Capacity
        {
            get { return _capacity; }
        }

        /// <summary>How many rows the last run stored.</summary>
        public int Count
        {
            get { return _count; }
        }

        /// <summary>How the last run ended (<see cref="ErrorCode.None"/> for a clean <c>!done</c>).</summary>
        public ErrorCode Result
        {
            get { return _result; }
        }

        /// <summary>The router's <c>=message=</c> when the last run ended in a trap; otherwise null.</summary>
        public string TrapMessage
        {
            get { return _trapMessage; }
        }

        /// <summary>The index of column <paramref name="name"/>, or -1.</summary>
        /// <param name="name">A column name given to the constructor.</param>
        /// <returns>The column index.</returns>
        public int ColumnOf(string name)
        {
            for (int i = 0; i < _columns.Length; i++)
            {
                if (_columns[i] == name)
                {
                    return i;
                }
            }

            return -1;
        }

        /// <summary>Whether row <paramref name="row"/>'s reply lost words, so that a column it lacks may have been dropped.</summary>
        /// <param name="row">The row.</param>
        /// <returns>True when the reply was truncated.</returns>
        public bool IsTruncated(int row)
        {
            Cell(row, 0);
            return _truncated[row];
        }

        /// <summary>Whether row <paramref name="row"/> had attribute <paramref name="column"/>.</summary>
        /// <param name="row">The row.</param>
        /// <param name="column">The column index.</param>
        /// <returns>True when present.</returns>
        public bool Has(int row, int column)
        {
            return _lengths[Cell(row, column)] >= 0;
        }

        /// <summary>Whether row <paramref name="row"/> had attribute <paramref name="column"/>.</summary>
        /// <param name="row">The row.</param>
        /// <param name="column">The column name; an unknown name throws <see cref="ArgumentException"/>.</param>
        /// <returns>True when present.</returns>
        public bool Has(int row, string column)
        {
            return Has(row, Column(column));
        }

        /// <summary>Whether the value equals <paramref name="text"/> (UTF-8), without making a string.</summary>
        /// <param name="row">The row.</param>
        /// <param name="column">The column index.</param>
        /// <param name="text">The text to compare with.</param>
        /// <returns>True when present and equal.</returns>
        public bool ValueEquals(int row, int column, string text)
        {
            int cell = Cell(row, column);
            return _lengths[cell] >= 0 && ByteText.EqualsText(_arena, _offsets[cell], _lengths[cell], text);
        }

        /// <summary>Whether the value equals <paramref name="text"/> (UTF-8), without making a string.</summary>
        /// <param name="row">The row.</param>
        /// <param name="column">The column name.</param>
        /// <param name="text">The text to compare with.</param>
        /// <returns>True when present and equal.</returns>
        public bool ValueEquals(int row, string column, string text)
        {
            return ValueEquals(row, Column(column), text);
        }

        /// <summary>Parses the value as a decimal integer.</summary>
        /// <param name="row">The row.</param>
        /// <param name="column">The column index.</param>
        /// <param name="value">The value, when the method returns true.</param>
        /// <returns>False when absent or not a decimal integer.</returns>
        public bool TryGetInt64(int row, int column, out long value)
        {
            int cell = Cell(row, column);
            value = 0;
            return _lengths[cell] >= 0 && ByteText.TryParseInt64(_arena, _offsets[cell], _lengths[cell], out value);
        }

        /// <summary>Parses the value as a decimal integer.</summary>
        /// <param name="row">The row.</param>
        /// <param name="column">The column name.</param>
        /// <param name="value">The value, when the method returns true.</param>
        /// <returns>False when absent or not a decimal integer.</returns>
        public bool TryGetInt64(int row, string column, out long value)
        {
            return TryGetInt64(row, Column(column), out value);
        }

        /// <summary>Parses the value as a decimal 32-bit integer.</summary>
        /// <param name="row">The row.</param>
        /// <param name="column">The column index.</param>
        /// <param name="value">The value, when the method returns true.</param>
        /// <returns>False when absent, not a decimal integer, or out of range.</returns>
        public bool TryGetInt32(int row, int column, out int value)
        {
            long wide;
            if (TryGetInt64(row, column, out wide) && wide >= int.MinValue && wide <= int.MaxValue)
            {
                value = (int)wide;
                return true;
            }

            value = 0;
            return false;
        }

        /// <summary>Parses the value as a decimal 32-bit integer.</summary>
        /// <param name="row">The row.</param>
        /// <param name="column">The column name.</param>
        /// <param name="value">The value, when the method returns true.</param>
        /// <returns>False when absent, not a decimal integer, or out of range.</returns>
        public bool TryGetInt32(int row, string column, out int value)
        {
            return TryGetInt32(row, Column(column), out value);
        }

        /// <summary>Copies the value's bytes into the caller's buffer, up to <paramref name="count"/>.</summary>
        /// <param name="row">The row.</param>
        /// <param name="column">The column index.</param>
        /// <param name="destination">The caller's buffer.</param>
        /// <param name="offset">Where to write.</param>
        /// <param name="count">The room available.</param>
        /// <returns>The full value length (more than <paramref name="count"/> means it was cut), or -1 when absent.</returns>
        public int CopyValue(int row, int column, byte[] destination, int offset, int count)
        {
            int cell = Cell(row, column);
            int length = _lengths[cell];
            if (length >= 0)
            {
                Array.Copy(_arena, _offsets[cell], destination, offset, length < count ? length : count);
            }

            return length;
        }

        /// <summary>Copies the value's bytes into the caller's buffer, up to <paramref name="count"/>.</summary>
        /// <param name="row">The row.</param>
        /// <param name="column">The column name.</param>
        /// <param name="destination">The caller's buffer.</param>
        /// <param name="offset">Where to write.</param>
        /// <param name="count">The room available.</param>
        /// <returns>The full value length (more than <paramref name="count"/> means it was cut), or -1 when absent.</returns>
        public int CopyValue(int row, string column, byte[] destination, int offset, int count)
        {
            return CopyValue(row, Column(column), destination, offset, count);
        }

        /// <summary>The value as a new string (allocates), or null when absent.</summary>
        /// <param name="row">The row.</param>
        /// <param name="column">The column index.</param>
        /// <returns>The decoded value.</returns>
        public string GetString(int row, int column)
        {
            int cell = Cell(row, column);
            return _lengths[cell] < 0 ? null : _decoder.Decode(_arena, _offsets[cell], _lengths[cell]);
        }

        /// <summary>The value as a new string (allocates), or null when absent.</summary>
        /// <param name="row">The row.</param>
        /// <param name="column">The column name.</param>
        /// <returns>The decoded value.</returns>
        public string GetString(int row, string column)
        {
            return GetString(row, Column(column));
        }

        /// <summary>
        /// The <c>=ret=</c> of the last run's <c>!done</c> (the new <c>.id</c> of an <c>add</c>, the
        /// count of a <c>count-only</c> print) as a new string, or null when it had none.
        /// </summary>
        /// <returns>The decoded value, or null.</returns>
        public string GetRet()
        {
            return _retLength < 0 ? null : _decoder.Decode(_arena, _retOffset, _retLength);
        }

        internal bool IsFinished;

        internal void Start(ITextDecoder decoder)
        {
            _decoder = decoder;
            _count = 0;
            _used = 0;
            _retLength = -1;
            _result = ErrorCode.None;
            _trapMessage = null;
            _trapped = false;
            _sawTruncated = false;
            IsFinished = false;
        }

        ErrorCode ICommandSink.OnReply(Reply reply)
        {
            ReplyType type = reply.Type;
            _sawTruncated = _sawTruncated || reply.IsTruncated;
            if (type == ReplyType.Trap)
            {
                _trapped = true;
                SetTrap(reply);
                return ErrorCode.None;
            }

            if (type == ReplyType.Data)
            {
                return Add(reply) ? ErrorCode.None : ErrorCode.StorageFull;
            }

            if (type != ReplyType.Done)
            {
                return ErrorCode.None;
            }

            // Rows read by the client may have lost an attribute: say so.
            return !SetDone(reply) ? ErrorCode.StorageFull : _trapped ? ErrorCode.Trap : _sawTruncated ? ErrorCode.Truncated : ErrorCode.None;
        }

        void ICommandSink.OnEnd(ErrorCode outcome, bool unannounced)
        {
            Finish(outcome);
        }

        /// <summary>Keeps the reply's columns as a new row; false when rows or arena are full.</summary>
        internal bool Add(Reply reply)
        {
            if (Count == Capacity)
            {
                return false;
            }

            int used = _used;
            int first = Count * _columns.Length;
            for (int c = 0; c < _columns.Length; c++)
            {
                int w = reply.FindAttribute(_columns[c]);
                if (w < 0)
                {
                    _lengths[first + c] = -1;
                    continue;
                }

                // The decoder recorded where the value starts: no second scan of the word.
                int length = reply.CopyValue(w, _arena, used, _arena.Length - used);
                if (length > _arena.Length - used)
                {
                    return false;
                }

                _offsets[first + c] = used;
                _lengths[first + c] = length;
                used += length;
            }

            _truncated[Count] = reply.IsTruncated;
            _used = used;
            _count++;
            return true;
        }

        /// <summary>Keeps the <c>=ret=</c> of the final <c>!done</c>; false when it does not fit the arena.</summary>
        internal bool SetDone(Reply reply)
        {
            int w = reply.FindAttribute("ret");
            if (w < 0)
            {
                return true;
            }

            int length = reply.CopyValue(w, _arena, _used, _arena.Length - _used);
            if (length > _arena.Length - _used)
            {
                return false;
            }

            _retOffset = _used;
            _retLength = length;
            _used += length;
            return true;
        }

        internal void SetTrap(Reply reply)
        {
            if (TrapMessage == null)
            {
                _trapMessage = reply.GetString("message");
            }
        }

        internal void Finish(ErrorCode result)
        {
            _result = result;
            IsFinished = true;
        }

        private int Column(string name)
        {
            int column = ColumnOf(name);
            if (column < 0)
            {
                throw new ArgumentException("unknown column '" + name + "'", "column");
            }

            return column;
        }

        private int Cell(int row, int column)
        {
            if (row < 0 || row >= Count)
            {
                throw new ArgumentOutOfRangeException("row");
            }

            if (column < 0 || column >= _columns.Length)
            {
                throw new ArgumentOutOfRangeException("column");
            }

            return row * _columns.Length + column;
        }

        // --- Typed values (RouterOsValue over the stored bytes) ---------------------------------

        /// <summary>Parses the value as a RouterOS duration (<c>3d4h7m46s</c>, <c>00:05:00</c>, <c>217us</c>).</summary>
        /// <param name="row">The row.</param>
        /// <param name="column">The column index.</param>
        /// <param name="value">The duration, when the method returns true.</param>
        /// <returns>False when absent or not a duration (see <see cref="RouterOsValue.TryParseDuration"/>).</returns>
        public bool TryGetDuration(int row, int column, out TimeSpan value)
        {
            int cell = Cell(row, column);
            value = TimeSpan.Zero;
            return _lengths[cell] >= 0 && RouterOsValue.TryParseDuration(_arena, _offsets[cell], _lengths[cell], out value);
        }

        /// <summary>Parses the value as a RouterOS boolean (<c>true</c>/<c>yes</c>, <c>false</c>/<c>no</c>).</summary>
        /// <param name="row">The row.</param>
        /// <param name="column">The column index.</param>
        /// <param name="value">The value, when the method returns true.</param>
        /// <returns>False when absent or none of the four words.</returns>
        public bool TryGetBool(int row, int column, out bool value)
        {
            int cell = Cell(row, column);
            value = false;
            return _lengths[cell] >= 0 && RouterOsValue.TryParseBool(_arena, _offsets[cell], _lengths[cell], out value);
        }

        /// <summary>Parses the value as a RouterOS duration (<c>3d4h7m46s</c>, <c>00:05:00</c>, <c>217us</c>).</summary>
        /// <param name="row">The row.</param>
        /// <param name="column">The column name.</param>
        /// <param name="value">The duration, when the method returns true.</param>
        /// <returns>False when absent or not a duration.</returns>
        public bool TryGetDuration(int row, string column, out TimeSpan value)
        {
            return TryGetDuration(row, Column(column), out value);
        }

        /// <summary>Parses the value as a RouterOS boolean (<c>true</c>/<c>yes</c>, <c>false</c>/<c>no</c>).</summary>
        /// <param name="row">The row.</param>
        /// <param name="column">The column name.</param>
        /// <param name="value">The value, when the method returns true.</param>
        /// <returns>False when absent or none of the four words.</returns>
        public bool TryGetBool(int row, string column, out bool value)
        {
            return TryGetBool(row, Column(column), out value);
        }
    }
}
