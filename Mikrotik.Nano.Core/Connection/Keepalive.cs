namespace Mikrotik.Nano
{
    /// <summary>
    /// Liveness of a logged-in connection, in the caller's time: after
    /// <see cref="ConnectionOptions.KeepaliveIdleMilliseconds"/> without a received byte a probe is
    /// sent; if nothing at all arrives within <see cref="ConnectionOptions.KeepaliveTimeoutMilliseconds"/>
    /// after it, the connection is dead (half-open TCP). The probe uses the connection's own tag,
    /// never a command slot, so it goes out even when every slot is busy.
    /// </summary>
    /// <remarks>
    /// <code>
    /// Off     --login succeeded (idle &gt; 0)----&gt; Idle
    /// Idle    --idle elapsed, probe written----&gt; Probing
    /// Probing --any byte received--------------&gt; Idle
    /// Probing --timeout elapsed----------------&gt; dead (the connection closes)
    /// Idle    --idle + timeout with no probe---&gt; dead (it could never be written)
    /// </code>
    /// </remarks>
    internal sealed class Keepalive
    {
        private readonly long _idle;
        private readonly long _timeout;
        private KeepaliveStep _step;
        private bool _heard;
        private long _lastHeard;
        private long _sentAt;

        internal Keepalive(int idleMilliseconds, int timeoutMilliseconds)
        {
            _idle = idleMilliseconds;
            _timeout = timeoutMilliseconds;
        }

        internal void Start()
        {
            // The clock reading of the next HandleTimeout is the start of the first idle period.
            _step = _idle > 0 ? KeepaliveStep.Idle : KeepaliveStep.Off;
            _heard = true;
        }

        internal void Stop()
        {
            _step = KeepaliveStep.Off;
        }

        internal void Heard()
        {
            _heard = true;
        }

        /// <summary>What the time <paramref name="now"/> calls for: <see cref="KeepaliveAction"/>.</summary>
        internal KeepaliveAction OnTime(long now)
        {
            if (_step == KeepaliveStep.Off)
            {
                return KeepaliveAction.None;
            }

            if (_heard)
            {
                _heard = false;
                _lastHeard = now;
                _step = KeepaliveStep.Idle;
            }

            if (_step == KeepaliveStep.Probing)
            {
                return now - _sentAt >= _timeout ? KeepaliveAction.Dead : KeepaliveAction.None;
            }

            if (now - _lastHeard >= _idle + _timeout)
            {
                return KeepaliveAction.Dead;
            }

            return now - _lastHeard >= _idle ? KeepaliveAction.Probe : KeepaliveAction.None;
        }

        internal void Sent(long now)
        {
            _step = KeepaliveStep.Probing;
            _sentAt = now;
        }

        /// <summary>When <see cref="OnTime"/> next has something to do, or <see cref="ApiConnection.NoDeadline"/>.</summary>
        internal long Deadline
        {
            get
            {
                if (_step == KeepaliveStep.Off)
                {
                    return ApiConnection.NoDeadline;
                }

                return _step == KeepaliveStep.Probing ? _sentAt + _timeout : _lastHeard + _idle;
            }
        }

        private enum KeepaliveStep : byte
        {
            Off = 0,
            Idle = 1,
            Probing = 2
        }
    }
}
