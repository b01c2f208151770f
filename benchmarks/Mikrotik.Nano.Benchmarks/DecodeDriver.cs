using System;

namespace Mikrotik.Nano.Benchmarks
{
    /// <summary>
    /// Feeds a <see cref="ReplyStream"/> to a logged-in <see cref="ApiConnection"/> the way an
    /// adapter does (PrepareReceive, copy one chunk into the receive buffer, CommitReceived, Poll
    /// until nothing is left), and touches a couple of attributes of every reply.
    /// </summary>
    public sealed class DecodeDriver
    {
        private readonly ApiConnection _connection;
        private readonly ReplyStream _stream;
        private readonly int _chunk;
        private readonly int _kind;
        private readonly byte[] _scratch = new byte[64];
        private int _nextTag;

        public DecodeDriver(ReplyStream stream, int chunk, ConnectionOptions options)
        {
            _stream = stream;
            _chunk = chunk;
            _kind = stream.Name == ReplyStreams.Interfaces ? 0 : stream.Name == ReplyStreams.AddressList ? 1 : 2;
            _connection = new ApiConnection(options);
            _connection.Login("admin", "secret");
            _connection.CommitTransmitted(_connection.TransmitCount);
            // The login took tag 1; answer it with a plain !done.
            byte[] done = { 5, (byte)'!', (byte)'d', (byte)'o', (byte)'n', (byte)'e', 6, (byte)'.', (byte)'t', (byte)'a', (byte)'g', (byte)'=', (byte)'1', 0 };
            int offset;
            _connection.PrepareReceive(out offset);
            Array.Copy(done, 0, _connection.ReceiveBuffer, offset, done.Length);
            _connection.CommitReceived(done.Length);
            if (_connection.Poll() != ConnectionEvent.LoginSucceeded)
            {
                throw new InvalidOperationException("login failed");
            }

            _nextTag = 2;
        }

        public ApiConnection Connection
        {
            get { return _connection; }
        }

        /// <summary>Bytes moved by PrepareReceive compaction in the last tracked run (see <see cref="Run(bool)"/>).</summary>
        public long BytesMoved { get; private set; }

        /// <summary>Bytes copied into the receive buffer (the one necessary copy) in the last tracked run.</summary>
        public long BytesReceived { get; private set; }

        /// <summary>Writes the tags the next <see cref="Run(bool)"/> will get into the stream (not measured).</summary>
        public void Retag()
        {
            ReplyStream s = _stream;
            for (int r = 0; r < s.Rounds; r++)
            {
                WireWriter.Retag(s.Data, s.TagOffsets, s.TagCommands, s.RoundTagStart[r], s.RoundTagStart[r + 1], _nextTag + r * s.CommandsPerRound);
            }
        }

        /// <summary>Sends each round's commands, feeds its replies; returns a checksum of what was read.</summary>
        public long Run()
        {
            return Run(false);
        }

        /// <summary>
        /// As <see cref="Run()"/>; with <paramref name="track"/>, also counts, from outside the
        /// core, how many bytes PrepareReceive moved: it hands out the offset where the next bytes
        /// go, so when that offset is below the end of what was committed before, the unfinished
        /// tail was moved to the front of the buffer and the offset equals the bytes moved.
        /// </summary>
        public long Run(bool track)
        {
            ReplyStream s = _stream;
            ApiConnection c = _connection;
            byte[] data = s.Data;
            long sum = 0;
            long moved = 0;
            int committedEnd = 0;
            for (int r = 0; r < s.Rounds; r++)
            {
                for (int k = 0; k < s.CommandsPerRound; k++)
                {
                    int tag = c.Send(c.NewCommand().Path(s.CommandPath));
                    if (tag != _nextTag)
                    {
                        throw new InvalidOperationException("unexpected tag " + tag);
                    }

                    _nextTag++;
                }

                c.CommitTransmitted(c.TransmitCount);
                int at = s.RoundStart[r];
                int end = s.RoundStart[r + 1];
                while (at < end)
                {
                    int offset;
                    int room = c.PrepareReceive(out offset);
                    if (track && offset < committedEnd)
                    {
                        moved += offset;
                    }

                    if (room == 0)
                    {
                        throw new InvalidOperationException("receive buffer full after polling");
                    }

                    int n = end - at;
                    if (n > _chunk) n = _chunk;
                    if (n > room) n = room;
                    Buffer.BlockCopy(data, at, c.ReceiveBuffer, offset, n);
                    c.CommitReceived(n);
                    committedEnd = offset + n;
                    at += n;
                    sum += PollAll();
                }
            }

            if (c.ActiveCommandCount != 0)
            {
                throw new InvalidOperationException("commands left running");
            }

            if (track)
            {
                BytesMoved = moved;
                BytesReceived = data.Length;
            }

            return sum;
        }

        private long PollAll()
        {
            long sum = 0;
            ApiConnection c = _connection;
            ConnectionEvent e;
            while ((e = c.Poll()) != ConnectionEvent.None)
            {
                if (e != ConnectionEvent.Reply)
                {
                    throw new InvalidOperationException("unexpected event " + e);
                }

                Reply reply = c.Reply;
                switch (reply.Type)
                {
                    case ReplyType.Data:
                        sum += TouchRow(reply);
                        break;
                    case ReplyType.Trap:
                        sum += 1000 + reply.Category;
                        break;
                    case ReplyType.Done:
                        sum += 100_000 + (reply.HasAttribute("ret") ? 1 : 0);
                        break;
                    case ReplyType.Empty:
                        sum += 10_000;
                        break;
                    default:
                        throw new InvalidOperationException("unexpected reply " + reply.Type);
                }
            }

            return sum;
        }

        private long TouchRow(Reply reply)
        {
            switch (_kind)
            {
                case 0:
                    return (reply.AttributeEquals("running", "true") ? 2 : 1) + reply.GetValueLength(reply.FindAttribute("name"));
                case 1:
                    return (reply.AttributeEquals("list", "blocked") ? 2 : 1) + reply.CopyValue("address", _scratch, 0, _scratch.Length);
                default:
                    int distance;
                    return reply.TryGetInt32("distance", out distance) ? distance : -1000;
            }
        }
    }
}
