// Reference stub of nanoFramework.System.Net 1.11.47 (assembly System.Net), for
// tools/HostTests/DeviceBuild only: the signatures this repository's device code reaches, written here
// after reading nanoframework/System.Net at tag v1.11.47 (commit 2adaa327). No bodies. Enums list the
// members in use (a subset, at their real values); a constructor this code does not use is left out
// behind an internal one, so that code calling it fails here rather than passing by a default one.
namespace System.Net
{
    public abstract class EndPoint
    {
    }

    public class IPAddress
    {
        public static readonly IPAddress Any = null;
        public static readonly IPAddress Loopback = null;
        public IPAddress(long newAddress) { throw null; }
        public IPAddress(byte[] address) { throw null; }
        public byte[] GetAddressBytes() { throw null; }
        public static IPAddress Parse(string ipString) { throw null; }
        public static IPAddress GetDefaultLocalAddress() { throw null; }
        public override string ToString() { throw null; }
    }

    public class IPEndPoint : EndPoint
    {
        public IPEndPoint(long address, int port) { throw null; }
        public IPEndPoint(IPAddress address, int port) { throw null; }
        public IPAddress Address { get { throw null; } }
        public int Port { get { throw null; } }
    }

    public class IPHostEntry
    {
        internal IPHostEntry() { }
        public string HostName { get { throw null; } }
        public IPAddress[] AddressList { get { throw null; } }
    }

    public static class Dns
    {
        public static IPHostEntry GetHostEntry(string hostNameOrAddress) { throw null; }
    }
}

namespace System.Net.Sockets
{
    public enum AddressFamily
    {
        Unknown = -1,
        Unspecified = 0,
        InterNetwork = 2,
        InterNetworkV6 = 23,
    }

    public enum SocketType
    {
        Stream = 1,
        Dgram = 2,
        Raw = 3,
        Unknown = -1,
    }

    public enum ProtocolType
    {
        IP = 0,
        Icmp = 1,
        Tcp = 6,
        Udp = 17,
        Unknown = -1,
    }

    public enum SocketFlags
    {
        None = 0x0000,
        OutOfBand = 0x0001,
        Peek = 0x0002,
    }

    public enum SelectMode
    {
        SelectRead = 0,
        SelectWrite = 1,
        SelectError = 2,
    }

    public enum SocketOptionLevel
    {
        Socket = 0xffff,
        IP = 0,
        Tcp = 6,
        Udp = 17,
    }

    public enum SocketOptionName
    {
        ReuseAddress = 0x0004,
        KeepAlive = 0x0008,
        Linger = 0x0080,
        SendTimeout = 0x1005,
        ReceiveTimeout = 0x1006,
        NoDelay = 1,
    }

    public class SocketException : Exception
    {
        internal SocketException() { }
        public int ErrorCode { get { throw null; } }
    }

    public class Socket : IDisposable
    {
        public Socket(AddressFamily addressFamily, SocketType socketType, ProtocolType protocolType) { throw null; }
        public int Available { get { throw null; } }
        public EndPoint LocalEndPoint { get { throw null; } }
        public EndPoint RemoteEndPoint { get { throw null; } }
        public int ReceiveTimeout { get { throw null; } set { throw null; } }
        public int SendTimeout { get { throw null; } set { throw null; } }
        public void Bind(EndPoint localEP) { throw null; }
        public void Connect(EndPoint remoteEP) { throw null; }
        public void Close() { throw null; }
        public void Listen(int backlog) { throw null; }
        public Socket Accept() { throw null; }
        public int Send(byte[] buffer) { throw null; }
        public int Send(byte[] buffer, int offset, int size, SocketFlags socketFlags) { throw null; }
        public int SendTo(byte[] buffer, int offset, int size, SocketFlags socketFlags, EndPoint remoteEP) { throw null; }
        public int Receive(byte[] buffer) { throw null; }
        public int Receive(byte[] buffer, int offset, int size, SocketFlags socketFlags) { throw null; }
        public void SetSocketOption(SocketOptionLevel optionLevel, SocketOptionName optionName, int optionValue) { throw null; }
        public void SetSocketOption(SocketOptionLevel optionLevel, SocketOptionName optionName, bool optionValue) { throw null; }
        public bool Poll(int microSeconds, SelectMode mode) { throw null; }
        // Explicit in the real Socket: `socket.Dispose()` does not compile there; Close() or using does.
        void IDisposable.Dispose() { throw null; }
    }

    public class NetworkStream : System.IO.Stream
    {
        public NetworkStream(Socket socket) { throw null; }
        public NetworkStream(Socket socket, bool ownsSocket) { throw null; }
        public virtual bool DataAvailable { get { throw null; } }
        public override void Flush() { throw null; }
        public override int Read(byte[] buffer, int offset, int count) { throw null; }
        public override void Write(byte[] buffer, int offset, int count) { throw null; }
    }
}

namespace System.Net.Security
{
    public enum SslProtocols
    {
        None = 0x00,
        Tls = 192,
        Tls11 = 768,
        Tls12 = 3072,
        Tls13 = 12288,
    }

    public enum SslVerification
    {
        NoVerification = 1,
        VerifyPeer = 2,
        CertificateRequired = 4,
        VerifyClientOnce = 8,
    }

    public class SslStream : System.Net.Sockets.NetworkStream
    {
        public SslStream(System.Net.Sockets.Socket socket) : base(socket) { throw null; }
        public SslVerification SslVerification { get { throw null; } set { throw null; } }
        public void AuthenticateAsClient(string targetHost, SslProtocols enabledSslProtocols) { throw null; }
        public void AuthenticateAsClient(string targetHost, System.Security.Cryptography.X509Certificates.X509Certificate clientCertificate, SslProtocols enabledSslProtocols) { throw null; }
        public void AuthenticateAsClient(string targetHost, System.Security.Cryptography.X509Certificates.X509Certificate clientCertificate, System.Security.Cryptography.X509Certificates.X509Certificate ca, SslProtocols enabledSslProtocols) { throw null; }
        public override bool DataAvailable { get { throw null; } }
        public override int Read(byte[] buffer, int offset, int size) { throw null; }
        public override void Write(byte[] buffer, int offset, int size) { throw null; }
    }
}

namespace System.Security.Cryptography.X509Certificates
{
    public class X509Certificate
    {
        public X509Certificate() { throw null; }
        public X509Certificate(byte[] certificate) { throw null; }
        public X509Certificate(string certificate) { throw null; }
        public virtual string Issuer { get { throw null; } }
        public virtual string Subject { get { throw null; } }
    }
}

namespace System.Net.NetworkInformation
{
    public class NetworkAvailabilityEventArgs : EventArgs
    {
        internal NetworkAvailabilityEventArgs() { }
        public bool IsAvailable { get { throw null; } }
    }

    public delegate void NetworkAvailabilityChangedEventHandler(object sender, NetworkAvailabilityEventArgs e);

    public static class NetworkChange
    {
        public static event NetworkAvailabilityChangedEventHandler NetworkAvailabilityChanged { add { throw null; } remove { throw null; } }
    }
}

namespace nanoFramework.Networking
{
    public enum NetworkHelperStatus
    {
        None,
        Started,
        NetworkIsReady,
        FailedNoNetworkInterface,
        TokenExpiredWaitingIPAddress,
        TokenExpiredWaitingDateTime,
        ErrorConnetingToWiFiWhileScanning,
        ExceptionOccurred,
    }
}
