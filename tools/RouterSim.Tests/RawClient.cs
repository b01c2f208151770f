using System.Net.Security;
using System.Net.Sockets;
using System.Text;

namespace RouterSim.Tests;

/// <summary>
/// A deliberately tiny RouterOS API client for tests, with its own framing code (so the
/// simulator's codec is checked against an independent implementation, not against itself).
/// </summary>
internal sealed class RawClient : IDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    private readonly TcpClient _tcp;
    private readonly Stream _stream;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    private RawClient(TcpClient tcp, Stream stream)
    {
        _tcp = tcp;
        _stream = stream;
    }

    public static RawClient Connect(int port)
    {
        var tcp = new TcpClient { NoDelay = true };
        tcp.Connect("127.0.0.1", port);
        return new RawClient(tcp, tcp.GetStream());
    }

    public static RawClient ConnectTls(int port, System.Security.Cryptography.X509Certificates.X509Certificate2 pinned)
    {
        var tcp = new TcpClient { NoDelay = true };
        tcp.Connect("127.0.0.1", port);
        var ssl = new SslStream(tcp.GetStream(), false, (_, cert, _, _) => cert != null && cert.GetCertHashString() == pinned.GetCertHashString());
        ssl.AuthenticateAsClient("localhost");
        return new RawClient(tcp, ssl);
    }

    public static RawClient LoggedIn(int port, string user = "admin", string password = "")
    {
        RawClient client = Connect(port);
        client.Send("/login", "=name=" + user, "=password=" + password);
        Assert.Equal("!done", client.Read()[0]);
        return client;
    }

    public static byte[] EncodeLength(long n) => n switch
    {
        < 0x80 => new[] { (byte)n },
        < 0x4000 => new[] { (byte)((n >> 8) | 0x80), (byte)n },
        < 0x200000 => new[] { (byte)((n >> 16) | 0xC0), (byte)(n >> 8), (byte)n },
        < 0x10000000 => new[] { (byte)((n >> 24) | 0xE0), (byte)(n >> 16), (byte)(n >> 8), (byte)n },
        _ => new byte[] { 0xF0, (byte)(n >> 24), (byte)(n >> 16), (byte)(n >> 8), (byte)n },
    };

    public static byte[] Encode(params string[] words)
    {
        var bytes = new List<byte>();
        foreach (string w in words)
        {
            byte[] b = Encoding.Latin1.GetBytes(w);
            bytes.AddRange(EncodeLength(b.Length));
            bytes.AddRange(b);
        }

        bytes.Add(0);
        return bytes.ToArray();
    }

    public void Send(params string[] words) => SendRaw(Encode(words));

    public void SendRaw(byte[] bytes)
    {
        _stream.Write(bytes);
        _stream.Flush();
    }

    /// <summary>Reads one sentence; throws on timeout or end of stream.</summary>
    public List<string> Read(TimeSpan? timeout = null) =>
        TryRead(timeout ?? DefaultTimeout) ?? throw new EndOfStreamException("connection closed");

    /// <summary>Reads one sentence, or null when the connection ends.</summary>
    public List<string>? TryRead(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var words = new List<string>();
        while (true)
        {
            if (!Ensure(1, cts.Token))
            {
                return null;
            }

            byte b = _buffer[_start];
            int size = b < 0x80 ? 1 : b < 0xC0 ? 2 : b < 0xE0 ? 3 : b < 0xF0 ? 4 : b == 0xF0 ? 5 : throw new InvalidDataException($"control byte {b:X2}");
            if (!Ensure(size, cts.Token))
            {
                return null;
            }

            long len = size switch
            {
                1 => b,
                2 => ((b & 0x3F) << 8) | _buffer[_start + 1],
                3 => ((b & 0x1F) << 16) | (_buffer[_start + 1] << 8) | _buffer[_start + 2],
                4 => ((long)(b & 0x0F) << 24) | ((long)_buffer[_start + 1] << 16) | ((long)_buffer[_start + 2] << 8) | _buffer[_start + 3],
                _ => ((long)_buffer[_start + 1] << 24) | ((long)_buffer[_start + 2] << 16) | ((long)_buffer[_start + 3] << 8) | _buffer[_start + 4],
            };
            _start += size;
            if (len == 0)
            {
                return words;
            }

            var word = new StringBuilder();
            long remaining = len;
            while (remaining > 0)
            {
                if (!Ensure(1, cts.Token))
                {
                    return null;
                }

                int take = (int)Math.Min(remaining, _end - _start);
                word.Append(Encoding.Latin1.GetString(_buffer, _start, take));
                _start += take;
                remaining -= take;
            }

            words.Add(word.ToString());
        }
    }

    /// <summary>Reads sentences until a <c>!done</c> for <paramref name="tag"/> (or untagged) arrives.</summary>
    public List<List<string>> ReadUntilDone(string? tag = null, TimeSpan? timeout = null)
    {
        var all = new List<List<string>>();
        while (true)
        {
            List<string> s = Read(timeout);
            all.Add(s);
            if (s[0] == "!done" && (tag == null || s.Contains(".tag=" + tag)))
            {
                return all;
            }

            if (s[0] == "!fatal")
            {
                return all;
            }
        }
    }

    /// <summary>True when the server closed the connection (reads end) within the timeout.</summary>
    public bool WaitClosed(TimeSpan timeout)
    {
        try
        {
            while (TryRead(timeout) != null)
            {
            }

            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }

    /// <summary>Reads raw bytes (for control-byte and mid-sentence tests); empty at end of stream.</summary>
    public byte[] ReadRaw(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        if (_end > _start)
        {
            byte[] pending = _buffer.AsSpan(_start, _end - _start).ToArray();
            _start = _end;
            return pending;
        }

        var chunk = new byte[4096];
        int n = _stream.ReadAsync(chunk, cts.Token).AsTask().GetAwaiter().GetResult();
        return chunk.AsSpan(0, n).ToArray();
    }

    public static string? Attr(List<string> sentence, string name)
    {
        string prefix = "=" + name + "=";
        string? word = sentence.FirstOrDefault(w => w.StartsWith(prefix, StringComparison.Ordinal));
        return word?.Substring(prefix.Length);
    }

    public void Dispose()
    {
        _stream.Dispose();
        _tcp.Dispose();
    }

    private bool Ensure(int count, CancellationToken token)
    {
        while (_end - _start < count)
        {
            if (_start > 0)
            {
                Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
                _end -= _start;
                _start = 0;
            }

            int n;
            try
            {
                n = _stream.ReadAsync(_buffer.AsMemory(_end), token).AsTask().GetAwaiter().GetResult();
            }
            catch (IOException)
            {
                return false;
            }

            if (n == 0)
            {
                return false;
            }

            _end += n;
        }

        return true;
    }
}
