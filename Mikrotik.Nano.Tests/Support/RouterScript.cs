namespace Mikrotik.Nano.Tests.Support
{
    /// <summary>What a <see cref="ScriptedRouter"/> does with each sentence it receives.</summary>
    /// <param name="router">The router, to answer through.</param>
    /// <param name="words">The sentence's words.</param>
    internal delegate void RouterScript(ScriptedRouter router, string[] words);
}
