using System;

namespace Mikrotik.Nano
{
    /// <summary>Submission and waiting: building, sending, and the blocking <see cref="Run"/> and <see cref="ReadString"/>.</summary>
    public sealed partial class ApiClient
    {
        /// <summary>
        /// Starts a command in the client's own staging buffer. One at a time: while a command
        /// built here is unsent, another call throws <see cref="ErrorCode.InvalidState"/> (threads
        /// that build concurrently keep their own <see cref="CommandBuffer"/>).
        /// </summary>
        /// <returns>The builder; its only step is <see cref="CommandBuilder.Path"/>.</returns>
        public CommandBuilder NewCommand()
        {
            return _driver.NewCommand();
        }

        /// <summary>
        /// Sends a command whose replies the caller collects with <see cref="Poll"/>
        /// (single-threaded mode only). On failure the command is discarded.
        /// </summary>
        /// <param name="command">The command.</param>
        /// <returns>The command's handle.</returns>
        public CommandHandle Send(CommandWriter command)
        {
            return _driver.SendPolled(command);
        }

        /// <summary>Sends a command whose replies go to <paramref name="handler"/>, on the pumping thread. On failure the command is discarded.</summary>
        /// <param name="command">The command.</param>
        /// <param name="handler">Receives each reply, then null if the command ends abnormally.</param>
        /// <param name="timeoutMilliseconds">The whole command's time limit; 0 for none (streaming commands).</param>
        /// <returns>The command's handle.</returns>
        public CommandHandle Send(CommandWriter command, ReplyHandler handler, int timeoutMilliseconds)
        {
            if (handler == null)
            {
                throw new ArgumentNullException("handler");
            }

            return _driver.SendToHandler(command, handler, DeadlineOf(timeoutMilliseconds));
        }

        /// <summary>
        /// Runs a command to completion and keeps its rows (and the <c>!done</c>'s <c>=ret=</c>) in
        /// <paramref name="rows"/>. Blocks the calling thread (in single-threaded mode it pumps the
        /// client itself). While every tag slot is busy it waits for one, within the time limit.
        /// If the rows do not fit, the command is cancelled: <see cref="ErrorCode.StorageFull"/>.
        /// </summary>
        /// <param name="command">The command.</param>
        /// <param name="rows">Caller-owned storage, cleared first.</param>
        /// <param name="timeoutMilliseconds">The time limit; 0 for none.</param>
        /// <returns><see cref="ErrorCode.None"/>, <see cref="ErrorCode.Trap"/> (see <see cref="RowTable.TrapMessage"/>),
        /// <see cref="ErrorCode.Truncated"/> (a reply lost words: see <see cref="RowTable.IsTruncated"/>),
        /// <see cref="ErrorCode.StorageFull"/>, <see cref="ErrorCode.Timeout"/>, or how the connection ended.</returns>
        /// <exception cref="MikrotikException"><see cref="ErrorCode.InvalidState"/> for a command already sent, or polled commands pending.</exception>
        public ErrorCode Run(CommandWriter command, RowTable rows, int timeoutMilliseconds)
        {
            if (rows == null)
            {
                throw new ArgumentNullException("rows");
            }

            rows.Start(_text);
            int tag;
            ErrorCode sent = Start(command, rows, timeoutMilliseconds, out tag);
            if (sent != ErrorCode.None)
            {
                rows.Finish(sent);
                return rows.Result;
            }

            while (!rows.IsFinished)
            {
                WaitTurn(tag);
            }

            return rows.Result;
        }

        /// <summary>
        /// Runs a command and returns attribute <paramref name="attribute"/> of its first row that
        /// has it, else of its <c>!done</c> (e.g. <c>ret</c>: an <c>add</c>'s new <c>.id</c>, a
        /// <c>count-only</c> print's count). Allocates the result.
        /// </summary>
        /// <param name="command">The command, e.g. <c>/system/identity/print</c>.</param>
        /// <param name="attribute">The attribute to read.</param>
        /// <param name="timeoutMilliseconds">The time limit; 0 for none.</param>
        /// <returns>The value (possibly empty), or null when no reply carried the attribute.</returns>
        /// <exception cref="MikrotikException">The command failed: <see cref="ErrorCode.Trap"/> (the router's message),
        /// <see cref="ErrorCode.Truncated"/> (the value may have been dropped: larger than the receive buffer),
        /// <see cref="ErrorCode.Timeout"/>, a connection error, or a misuse.</exception>
        public string ReadString(CommandWriter command, string attribute, int timeoutMilliseconds)
        {
            if (attribute == null)
            {
                throw new ArgumentNullException("attribute");
            }

            ValueRequest request = new ValueRequest(attribute);
            int tag;
            ErrorCode sent = Start(command, request, timeoutMilliseconds, out tag);
            if (sent != ErrorCode.None)
            {
                request.Result = sent;
            }
            else
            {
                while (!request.Finished)
                {
                    WaitTurn(tag);
                }
            }

            ErrorCode result = request.Result;
            if (result == ErrorCode.Truncated && request.Value != null)
            {
                return request.Value;
            }

            if (result != ErrorCode.None)
            {
                throw new MikrotikException(result, result == ErrorCode.Trap && request.TrapMessage != null ? request.TrapMessage
                    : result == ErrorCode.TransportError && ErrorMessage != null ? ErrorMessage : Describe(result));
            }

            return request.Value;
        }

        // Run and ReadString: None and the tag once sent, else why it could not be. While every
        // slot is busy it waits (pumping in single-threaded mode, so timers and the keepalive keep
        // running) until a slot frees, the time limit passes or the connection ends.
        private ErrorCode Start(CommandWriter command, ICommandSink sink, int timeoutMilliseconds, out int tag)
        {
            long deadline = DeadlineOf(timeoutMilliseconds);
            while (true)
            {
                ErrorCode sent = _driver.TrySend(command, sink, deadline, out tag);
                if (sent != ErrorCode.TagTableFull)
                {
                    return sent;
                }

                if (_clock.NowMilliseconds >= deadline)
                {
                    _driver.Abandon(command);
                    return ErrorCode.Timeout;
                }

                if (_driver.IsPumpRunning)
                {
                    _driver.WaitForSlot(_options.ReadSliceMilliseconds);
                }
                else
                {
                    _driver.Turn(_options.ReadSliceMilliseconds);
                }
            }
        }

        // One wait of a blocking caller: pumps the client itself, or waits for the pump.
        private void WaitTurn(int tag)
        {
            if (_driver.IsPumpRunning)
            {
                _driver.WaitForEnd(tag, _options.ReadSliceMilliseconds);
            }
            else
            {
                _driver.Turn(_options.ReadSliceMilliseconds);
            }
        }

        // A time limit in milliseconds (0 for none) as the core's deadline.
        private long DeadlineOf(int timeoutMilliseconds)
        {
            return timeoutMilliseconds > 0 ? _clock.NowMilliseconds + timeoutMilliseconds : ApiConnection.NoDeadline;
        }

        private static string Describe(ErrorCode code)
        {
            switch (code)
            {
                case ErrorCode.Timeout: return "command timed out";
                case ErrorCode.Truncated: return "reply truncated: the value may not have fit the receive buffer";
                case ErrorCode.StorageFull: return "rows did not fit";
                case ErrorCode.TagTableFull: return "all tag slots busy";
                case ErrorCode.PeerClosed: return "router closed the connection";
                case ErrorCode.KeepaliveTimeout: return "router stopped answering (keepalive)";
                case ErrorCode.ConnectionClosed: return "not connected";
                default: return ErrorCodes.NameOf(code);
            }
        }
    }
}
