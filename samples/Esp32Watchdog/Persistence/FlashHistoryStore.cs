using System;
using Esp32Watchdog.Configuration;
using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Persistence
{
    /// <summary>
    /// The action-history store on flash: two copies in two files, written in turn, each with a
    /// sequence number and a CRC (<see cref="JudgementCodec"/>). A write goes to the file that
    /// does not hold the newest valid copy, so a reset in the middle of it leaves the other copy
    /// intact: the store is replaced atomically without a rename (nanoFramework has no atomic one).
    /// </summary>
    /// <remarks>
    /// <see cref="Open"/> reads both files and keeps the valid copy with the higher sequence
    /// number. Nothing there (both missing): <see cref="HistoryCondition.Fresh"/>. Something there
    /// but no valid copy (corrupt, torn twice, unknown version, read error):
    /// <see cref="HistoryCondition.Unreadable"/>, and every configured router is taken as if its
    /// whole budget had just been spent (K actions at age 0): the safe side, since an empty
    /// history after a corruption is exactly the "a reset forgets everything" failure this store
    /// exists to prevent; that judgement is written at once so that a further reset keeps it.
    /// A store that cannot be written is <see cref="HistoryCondition.NotWorking"/>.
    /// Buffers are allocated in the constructor; the file port may allocate per call.
    /// </remarks>
    public sealed class FlashHistoryStore : IActionHistoryStore
    {
        /// <summary>The first copy's file name.</summary>
        public const string FirstFile = "wdhist-a.bin";

        /// <summary>The second copy's file name.</summary>
        public const string SecondFile = "wdhist-b.bin";

        private readonly IFlashFiles _files;
        private readonly RouterJudgement[] _kept;
        private readonly bool[] _found;
        private readonly byte[] _buffer;
        private readonly int _actionSlots;
        private bool _opened;
        private HistoryCondition _condition;
        private string _problem;
        private long _keptLifetime;
        private uint _sequence;
        private int _newest = -1;

        /// <summary>Creates the store of the configured routers (nothing is read before <see cref="Open"/>).</summary>
        /// <param name="files">The flash files.</param>
        /// <param name="config">The routers (their names are the keys) and K (<see cref="WatchdogConfig.MaxActionsPerWindow"/>).</param>
        public FlashHistoryStore(IFlashFiles files, WatchdogConfig config)
        {
            if (files == null || config == null || config.Routers == null)
            {
                throw new ArgumentNullException();
            }

            _files = files;
            _actionSlots = config.MaxActionsPerWindow < 1 ? 1 : config.MaxActionsPerWindow;
            int count = config.Routers.Length;
            _kept = new RouterJudgement[count];
            _found = new bool[count];
            for (int i = 0; i < count; i++)
            {
                _kept[i] = new RouterJudgement(_actionSlots);
                _kept[i].Name = config.Routers[i] == null || config.Routers[i].Name == null ? string.Empty : config.Routers[i].Name;
            }

            // Room for the largest copy of an older configuration too (up to 255 slots per router
            // would be absurd; twice ours is plenty). A longer file is read cut short: invalid.
            _buffer = new byte[JudgementCodec.MaxLength(count, _actionSlots * 2 + 8)];
        }

        /// <inheritdoc />
        public string Problem
        {
            get { return _problem; }
        }

        /// <inheritdoc />
        public long KeptLifetimeMilliseconds
        {
            get { return _keptLifetime; }
        }

        /// <inheritdoc />
        public HistoryCondition Open()
        {
            if (_opened)
            {
                return _condition;
            }

            _opened = true;
            string firstProblem;
            string secondProblem;
            int first = ReadCopy(FirstFile, out firstProblem);
            uint firstSequence = _sequence;
            int second = ReadCopy(SecondFile, out secondProblem);
            uint secondSequence = _sequence;

            // first/second: 1 valid, 0 missing, -1 present but unusable.
            int newest = -1;
            if (first == 1 && (second != 1 || firstSequence - secondSequence < 0x80000000u))
            {
                newest = 0;
            }
            else if (second == 1)
            {
                newest = 1;
            }

            if (newest >= 0 && (newest == 1 || ReadCopy(FirstFile, out firstProblem) == 1))
            {
                _newest = newest;
                _sequence = newest == 0 ? firstSequence : secondSequence;
                _keptLifetime = JudgementCodec.LifetimeOf(_buffer);
                for (int i = 0; i < _kept.Length; i++)
                {
                    _found[i] = JudgementCodec.Find(_buffer, _kept[i]);
                }

                // The other copy may be torn by a reset during the last write: normal, not a problem.
                _condition = HistoryCondition.Restored;
                return _condition;
            }

            _sequence = 0;
            _keptLifetime = 0;
            if (first == 0 && second == 0)
            {
                for (int i = 0; i < _kept.Length; i++)
                {
                    _kept[i].Clear();
                    _found[i] = false;
                }

                _condition = Write(_kept, 0) ? HistoryCondition.Fresh : HistoryCondition.NotWorking;
                return _condition;
            }

            // Something was kept and none of it can be trusted: as if every budget were just spent.
            for (int i = 0; i < _kept.Length; i++)
            {
                RouterJudgement j = _kept[i];
                j.Clear();
                j.ConsecutiveActions = _actionSlots;
                for (int a = 0; a < _actionSlots; a++)
                {
                    j.AddAction(0);
                }

                _found[i] = true;
            }

            string why = "copy A " + (firstProblem == null ? "missing" : firstProblem) + ", copy B " + (secondProblem == null ? "missing" : secondProblem);
            _condition = Write(_kept, 0) ? HistoryCondition.Unreadable : HistoryCondition.NotWorking;
            _problem = _condition == HistoryCondition.Unreadable ? why : why + "; " + _problem;
            return _condition;
        }

        /// <inheritdoc />
        public RouterJudgement Find(string routerName)
        {
            for (int i = 0; i < _kept.Length; i++)
            {
                if (_found[i] && _kept[i].Name == routerName)
                {
                    return _kept[i];
                }
            }

            return null;
        }

        /// <inheritdoc />
        public bool Write(RouterJudgement[] routers, long lifetimeMilliseconds)
        {
            int target = _newest == 0 ? 1 : 0;
            try
            {
                int length = JudgementCodec.Encode(routers, _sequence + 1, lifetimeMilliseconds, _buffer);
                _files.Write(target == 0 ? FirstFile : SecondFile, _buffer, length);
            }
            catch (Exception ex)
            {
                _problem = "write failed: " + ex.GetType().Name + (ex.Message == null || ex.Message.Length == 0 ? string.Empty : " " + ex.Message);
                return false;
            }

            _sequence++;
            _newest = target;
            return true;
        }

        // 1: a valid copy is in the buffer (its sequence in _sequence); 0: no such file; -1: unusable.
        private int ReadCopy(string name, out string problem)
        {
            problem = null;
            int length;
            try
            {
                length = _files.Read(name, _buffer);
            }
            catch (Exception ex)
            {
                problem = "read failed: " + ex.GetType().Name;
                return -1;
            }

            if (length < 0)
            {
                return 0;
            }

            problem = JudgementCodec.Check(_buffer, length);
            if (problem != null)
            {
                return -1;
            }

            _sequence = JudgementCodec.SequenceOf(_buffer);
            return 1;
        }
    }
}
