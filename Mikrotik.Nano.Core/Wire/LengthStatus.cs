namespace Mikrotik.Nano
{
    /// <summary>The outcome of decoding a word length prefix.</summary>
    internal enum LengthStatus
    {
        /// <summary>The prefix is complete; the length and prefix size are valid.</summary>
        Complete = 0,

        /// <summary>The prefix is split across reads; wait for more bytes.</summary>
        NeedMore = 1,

        /// <summary>The first byte is a reserved control byte (0xF8..0xFF): the stream cannot continue.</summary>
        ReservedControlByte = 2,

        /// <summary>The first byte is 0xF1..0xF7, a form no RouterOS version sends.</summary>
        UnsupportedPrefix = 3
    }
}
