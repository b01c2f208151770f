namespace Mikrotik.Nano
{
    /// <summary>
    /// Turns reply bytes into a string, only when the caller asks for one. RouterOS documents no
    /// character encoding (UTF-8 and Windows-125x are both seen in the field), so this is replaceable
    /// through <see cref="ConnectionOptions.TextDecoder"/>.
    /// </summary>
    public interface ITextDecoder
    {
        /// <summary>Decodes <paramref name="count"/> bytes at <paramref name="offset"/>.</summary>
        /// <param name="buffer">The bytes.</param>
        /// <param name="offset">Where they start.</param>
        /// <param name="count">How many there are.</param>
        /// <returns>A new string.</returns>
        string Decode(byte[] buffer, int offset, int count);
    }
}
