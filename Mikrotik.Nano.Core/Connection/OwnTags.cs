namespace Mikrotik.Nano
{
    /// <summary>
    /// Tags of the connection's own fire-and-forget sentences (<c>/cancel</c>, the keepalive probe),
    /// whose replies the connection consumes itself. A small ring: when it is full the oldest is
    /// forgotten, and a reply that comes for it after that is reported as unrouted, never lost.
    /// </summary>
    internal sealed class OwnTags
    {
        private readonly int[] _tags;
        private int _next;

        internal OwnTags(int size)
        {
            _tags = new int[size];
        }

        internal void Add(int tag)
        {
            _tags[_next] = tag;
            _next = _next + 1 == _tags.Length ? 0 : _next + 1;
        }

        internal bool Contains(int tag)
        {
            if (tag <= 0)
            {
                return false;
            }

            for (int i = 0; i < _tags.Length; i++)
            {
                if (_tags[i] == tag)
                {
                    return true;
                }
            }

            return false;
        }

        internal void Remove(int tag)
        {
            for (int i = 0; i < _tags.Length; i++)
            {
                if (_tags[i] == tag)
                {
                    _tags[i] = 0;
                }
            }
        }

        internal void Clear()
        {
            System.Array.Clear(_tags, 0, _tags.Length);
        }
    }
}
