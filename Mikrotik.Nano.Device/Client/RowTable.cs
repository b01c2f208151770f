using System;
using System.Threading;

namespace Mikrotik.Nano
{
    /// <summary>
    /// Caller-owned, fixed-capacity storage for the rows of a command run to completion by
    /// <see cref="ApiClient.Run"/>: up to <see cref="Capacity"/> rows of the named columns, their
    /// values copied as bytes into one arena. Allocated once and reused; reading a value makes a
    /// string only when asked.
    /// </summary>
    public sealed class RowTable
    {
        private readonly string[] _columns;
        private readonly int[] _offsets;
        private readonly int[] _lengths;
        private readonly byte[] _arena;
        private readonly ITextDecoder _decoder;
        private readonly ManualResetEvent _finished = new ManualResetEvent(false);
        private int _used;

        /// <summary>Creates the storage.</summary>
        /// <param name="columns">The attribute names to keep, e.g. <c>name</c>, <c>running</c>.</param>
        /// <param name="maxRows">The most rows kept; one more is an overflow.</param>
        /// <param name="arenaBytes">Bytes for all kept values together.</param>
        public RowTable(string[] columns, int maxRows, int arenaBytes)
        {
            if (columns == null || columns.Length == 0 || maxRows < 1 || arenaBytes < 0)
            {
                throw new MikrotikException(ErrorCode.InvalidConfiguration, "bad row table size");
            }

            _columns = columns;
            _offsets = new int[maxRows * columns.Length];
            _lengths = new int[maxRows * columns.Length];
            _arena = new byte[arenaBytes];
            _decoder = new Utf8TextDecoder();
            Capacity = maxRows;
        }

        /// <summary>How many rows fit.</summary>
        public int Capacity { get; }

        /// <summary>How many rows the last run stored.</summary>
        public int Count { get; private set; }

        /// <summary>How the last run ended (<see cref="ErrorCode.None"/> for a clean <c>!done</c>).</summary>
        public ErrorCode Result { get; private set; }

        /// <summary>The router's <c>=message=</c> when the last run ended in a trap; otherwise null.</summary>
        public string TrapMessage { get; private set; }

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

        /// <summary>Whether row <paramref name="row"/> had attribute <paramref name="column"/>.</summary>
        /// <param name="row">The row.</param>
        /// <param name="column">The column index.</param>
        /// <returns>True when present.</returns>
        public bool Has(int row, int column)
        {
            return _lengths[Cell(row, column)] >= 0;
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

        /// <summary>The value as a new string (allocates), or null when absent.</summary>
        /// <param name="row">The row.</param>
        /// <param name="column">The column index.</param>
        /// <returns>The decoded value.</returns>
        public string GetString(int row, int column)
        {
            int cell = Cell(row, column);
            return _lengths[cell] < 0 ? null : _decoder.Decode(_arena, _offsets[cell], _lengths[cell]);
        }

        internal void Start()
        {
            Count = 0;
            _used = 0;
            Result = ErrorCode.None;
            TrapMessage = null;
            _finished.Reset();
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

                int length = reply.GetValueLength(w);
                if (used + length > _arena.Length)
                {
                    return false;
                }

                Array.Copy(reply.Buffer, reply.GetValueOffset(w), _arena, used, length);
                _offsets[first + c] = used;
                _lengths[first + c] = length;
                used += length;
            }

            _used = used;
            Count++;
            return true;
        }

        internal void SetTrap(Reply reply)
        {
            if (TrapMessage == null)
            {
                TrapMessage = reply.GetString("message");
            }
        }

        internal void Finish(ErrorCode result)
        {
            Result = result;
            _finished.Set();
        }

        internal bool WaitFinished(int timeoutMilliseconds)
        {
            return _finished.WaitOne(timeoutMilliseconds, false);
        }

        private int Cell(int row, int column)
        {
            if (row < 0 || row >= Count || column < 0 || column >= _columns.Length)
            {
                throw new ArgumentOutOfRangeException("row");
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
    }
}
