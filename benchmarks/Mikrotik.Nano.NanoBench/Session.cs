using System;

namespace Mikrotik.Nano.NanoBench
{
    /// <summary>
    /// A logged-in <see cref="ApiConnection"/> with default options, and the adapter's two moves: feed
    /// received bytes (PrepareReceive, copy, CommitReceived) and drain what the core wants to send.
    /// </summary>
    public sealed class Session
    {
        private readonly ApiConnection _connection;

        /// <summary>Creates the connection and completes a plain login by answering its <c>!done</c>.</summary>
        public Session()
        {
            _connection = new ApiConnection(new ConnectionOptions());
            _connection.Login("admin", "secret");
            int loginTag = SentTag();
            _connection.CommitTransmitted(_connection.TransmitCount);
            WireStream done = new WireStream(32);
            done.Word("!done");
            done.Word(".tag=" + loginTag);
            done.End();
            byte[] bytes = done.ToArray();
            Feed(bytes, 0, bytes.Length);
            if (_connection.Poll() != ConnectionEvent.LoginSucceeded)
            {
                throw new Exception("login failed: " + _connection.Error);
            }
        }

        /// <summary>The connection.</summary>
        public ApiConnection Connection
        {
            get { return _connection; }
        }

        /// <summary>Copies <paramref name="count"/> bytes into the core's receive buffer, as a transport read would.</summary>
        /// <param name="data">The bytes.</param>
        /// <param name="at">Where they start.</param>
        /// <param name="count">How many; at most the room the core offers.</param>
        /// <returns>How many were taken (less than <paramref name="count"/> when the buffer is short).</returns>
        public int Feed(byte[] data, int at, int count)
        {
            int offset;
            int room = _connection.PrepareReceive(out offset);
            if (count > room)
            {
                count = room;
            }

            Array.Copy(data, at, _connection.ReceiveBuffer, offset, count);
            _connection.CommitReceived(count);
            return count;
        }

        /// <summary>The tag of the sentence waiting to be transmitted (read from its <c>.tag=</c> word).</summary>
        /// <returns>The tag, or -1 when none is found.</returns>
        public int SentTag()
        {
            byte[] b = _connection.TransmitBuffer;
            int end = _connection.TransmitOffset + _connection.TransmitCount;
            for (int i = _connection.TransmitOffset; i + 5 < end; i++)
            {
                if (b[i] == '.' && b[i + 1] == 't' && b[i + 2] == 'a' && b[i + 3] == 'g' && b[i + 4] == '=')
                {
                    int tag = 0;
                    for (int j = i + 5; j < end && b[j] >= '0' && b[j] <= '9'; j++)
                    {
                        tag = tag * 10 + (b[j] - '0');
                    }

                    return tag;
                }
            }

            return -1;
        }
    }
}
