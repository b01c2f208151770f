namespace Mikrotik.Nano
{
    /// <summary>
    /// How ended commands ended, so a handle keeps telling the truth after its slot is reused.
    /// Only abnormal outcomes are stored (a clean end is the default), in a ring; once one is
    /// overwritten, commands up to its tag answer <see cref="ErrorCode.UnknownTag"/>, never a guess.
    /// </summary>
    internal sealed class OutcomeHistory
    {
        private readonly int[] _tags;
        private readonly ErrorCode[] _codes;
        private int _next;
        private int _forgottenThrough;

        internal OutcomeHistory(int size)
        {
            _tags = new int[size];
            _codes = new ErrorCode[size];
        }

        internal void Record(int tag, ErrorCode code)
        {
            if (code == ErrorCode.None)
            {
                return;
            }

            if (_tags[_next] > _forgottenThrough)
            {
                _forgottenThrough = _tags[_next];
            }

            _tags[_next] = tag;
            _codes[_next] = code;
            _next = _next + 1 == _tags.Length ? 0 : _next + 1;
        }

        /// <summary>How the ended command <paramref name="tag"/> ended.</summary>
        internal ErrorCode Find(int tag)
        {
            for (int i = 0; i < _tags.Length; i++)
            {
                if (_tags[i] == tag)
                {
                    return _codes[i];
                }
            }

            return tag <= _forgottenThrough ? ErrorCode.UnknownTag : ErrorCode.None;
        }
    }
}
