namespace Mikrotik.Nano
{
    /// <summary>Where a connection is in its life.</summary>
    public enum ConnectionState
    {
        /// <summary>Connected; <see cref="ApiConnection.Login(string, string, long)"/> must come first.</summary>
        LoginRequired = 0,

        /// <summary>A login is in progress.</summary>
        LoggingIn = 1,

        /// <summary>Logged in; commands may be sent.</summary>
        Ready = 2,

        /// <summary>Dead: <see cref="ApiConnection.Error"/> says why. Nothing is processed any more.</summary>
        Closed = 3
    }
}
