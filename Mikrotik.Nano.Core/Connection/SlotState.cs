namespace Mikrotik.Nano
{
    /// <summary>Where one command slot is (see <see cref="CommandTable"/> for the transitions).</summary>
    internal enum SlotState : byte
    {
        Free = 0,
        Running = 1,
        Finished = 2,
        Released = 3,
        TimedOut = 4
    }
}
