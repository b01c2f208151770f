using System;

namespace Mikrotik.Nano
{
    /// <summary>The driver half of <see cref="ApiClient"/>: one turn of the loop, routing, and how commands end.</summary>
    public sealed partial class ApiClient
    {
        // --- The driver (callers hold _sync unless noted) -------------------------------------

        // Sends and records a command; the record is the one of the slot the core gave it.
        private int SendLocked(CommandWriter command, ReplyHandler handler, RowTable rows, ValueRequest value, int timeoutMilliseconds)
        {
            return SendLocked(command, handler, rows, value, timeoutMilliseconds, false);
        }

        // keepOnFullTable: Run and ReadString retry a command refused for want of a slot.
        private int SendLocked(CommandWriter command, ReplyHandler handler, RowTable rows, ValueRequest value, int timeoutMilliseconds, bool keepOnFullTable)
        {
            if (command == null)
            {
                throw new ArgumentNullException("command");
            }

            if (!Connected)
            {
                Discard(command);
                throw new MikrotikException(ErrorCode.ConnectionClosed, "not connected");
            }

            int tag;
            try
            {
                tag = _connection.Send(command, timeoutMilliseconds > 0 ? _clock.NowMilliseconds + timeoutMilliseconds : 0);
            }
            catch (MikrotikException e)
            {
                if (!keepOnFullTable || e.Code != ErrorCode.TagTableFull)
                {
                    Discard(command);
                }

                throw;
            }

            _records[_connection.GetSlot(tag)].Begin(tag, handler, rows, value);
            Flush();
            return tag;
        }

        // Run and ReadString: the tag, or minus the error code when the command could not be sent.
        // While every slot is busy it waits (pumping in single-threaded mode, so timers and the
        // keepalive keep running) until a slot frees, the time limit passes or the connection ends.
        private int Start(CommandWriter command, RowTable rows, ValueRequest value, int timeoutMilliseconds)
        {
            long deadline = timeoutMilliseconds > 0 ? _clock.NowMilliseconds + timeoutMilliseconds : long.MaxValue;
            while (true)
            {
                lock (_sync)
                {
                    if (_pump == null && HasPolledCommand())
                    {
                        // Pumping here would swallow the replies of commands the caller polls for.
                        throw new MikrotikException(ErrorCode.InvalidState, "finish polled commands first");
                    }

                    if (!Connected)
                    {
                        Discard(command);
                        return -(int)(_connection.Error == ErrorCode.None ? ErrorCode.ConnectionClosed : _connection.Error);
                    }

                    try
                    {
                        long left = deadline - _clock.NowMilliseconds;
                        return SendLocked(command, null, rows, value, deadline == long.MaxValue ? 0 : (left < 1 ? 1 : (int)left), true);
                    }
                    catch (MikrotikException e)
                    {
                        if (e.Code == ErrorCode.InvalidState)
                        {
                            throw;
                        }

                        if (e.Code != ErrorCode.TagTableFull || _clock.NowMilliseconds >= deadline)
                        {
                            Discard(command);
                            return -(int)(e.Code == ErrorCode.TagTableFull ? ErrorCode.Timeout : e.Code);
                        }
                    }
                }

                if (_pump == null)
                {
                    Turn(_options.ReadSliceMilliseconds);
                }
                else
                {
                    _slotFreed.WaitOne(_options.ReadSliceMilliseconds, false);
                }
            }
        }

        // Blocks until the command ends: pumps the client itself, or waits for the pump.
        private void Wait(int tag, RowTable rows, ValueRequest value)
        {
            while (rows != null ? !rows.IsFinished : !value.Finished)
            {
                if (_pump == null)
                {
                    Turn(_options.ReadSliceMilliseconds);
                    continue;
                }

                CommandRecord record;
                lock (_sync)
                {
                    record = Record(tag);
                }

                if (record != null)
                {
                    record.Ended.WaitOne(_options.ReadSliceMilliseconds, false);
                }
            }
        }

        // One turn: drain what is buffered; before waiting, give the core the time (its timers and
        // keepalive) and drain again; read (outside the lock, so senders are never blocked by
        // it); commit (0 = end of stream) and drain. Buffered replies are served without a clock read.
        private Reply Turn(int timeoutMilliseconds)
        {
            ITransport transport;
            int offset;
            int room;
            int wait;
            lock (_sync)
            {
                Reply pending = Drain();
                if (pending != null || !Connected)
                {
                    return pending;
                }

                long now = _clock.NowMilliseconds;
                bool due = now >= _connection.PollTimeout();
                _connection.HandleTimeout(now);
                if (due)
                {
                    // A timer fired: its events (a timeout, the connection's end) come first.
                    pending = Drain();
                    if (pending != null || !Connected)
                    {
                        return pending;
                    }
                }

                long untilTimer = _connection.PollTimeout() - now;
                wait = untilTimer < timeoutMilliseconds ? (untilTimer < 0 ? 0 : (int)untilTimer) : timeoutMilliseconds;
                room = _connection.PrepareReceive(out offset);
                transport = _transport;
            }

            int read;
            try
            {
                read = room > 0 ? transport.Read(_connection.ReceiveBuffer, offset, room, wait) : -1;
            }
            catch (Exception)
            {
                read = int.MinValue;
            }

            lock (_sync)
            {
                if (transport != _transport)
                {
                    return null;
                }

                if (read >= 0)
                {
                    _connection.CommitReceived(read);
                }
                else if (read == int.MinValue)
                {
                    Lost(ErrorCode.TransportError);
                }

                return Drain();
            }
        }

        // Routes the core's events until one is for the caller (a polled command's reply) or none
        // is left; then sends what the core queued.
        private Reply Drain()
        {
            while (_transport != null)
            {
                ConnectionEvent e = _connection.Poll();
                Reply reply = _connection.Reply;
                if (e == ConnectionEvent.None)
                {
                    break;
                }

                if (e == ConnectionEvent.Reply)
                {
                    CommandRecord record = _records[_connection.EventSlot];
                    if (record.IsPolled)
                    {
                        // The common case of a polled command: nothing to route, only its end to note.
                        ReplyType type = reply.Type;
                        if (type == ReplyType.Trap)
                        {
                            record.Trapped = true;
                        }
                        else if (type == ReplyType.Done)
                        {
                            End(record, record.Trapped ? ErrorCode.Trap : ErrorCode.None, false);
                        }

                        if (_connection.TransmitCount > 0)
                        {
                            Flush();
                        }

                        return reply;
                    }

                    Deliver(record, reply);
                }
                else if (e == ConnectionEvent.Timeout)
                {
                    End(_records[_connection.EventSlot], ErrorCode.Timeout, true);
                }
                else if (e == ConnectionEvent.UnroutedReply)
                {
                    Unrouted(reply);
                }
                else if (e == ConnectionEvent.LoginSucceeded || e == ConnectionEvent.LoginFailed)
                {
                    _loginEvent = e;
                    if (e == ConnectionEvent.LoginFailed && reply.Type == ReplyType.Trap)
                    {
                        _errorMessage = reply.GetString("message");
                    }
                }
                else if (e == ConnectionEvent.Closed)
                {
                    if (_connection.Error == ErrorCode.Fatal && reply.Type == ReplyType.Fatal && reply.WordCount > 1)
                    {
                        _errorMessage = reply.GetWordString(1);
                    }
                    else if (_connection.ClosedMidSentence)
                    {
                        _errorMessage = "router closed the connection in the middle of a reply";
                    }

                    Lost(_connection.Error);
                }
            }

            Flush();
            return null;
        }

        // Routes one reply to a command of a handler, Run or ReadString.
        private void Deliver(CommandRecord record, Reply reply)
        {
            ReplyType type = reply.Type;
            if (type == ReplyType.Trap)
            {
                record.Trapped = true;
            }

            record.Truncated = record.Truncated || reply.IsTruncated;
            RowTable rows = record.Rows;
            if (rows != null)
            {
                if (type == ReplyType.Trap)
                {
                    rows.SetTrap(reply);
                }
                else if ((type == ReplyType.Data && !rows.Add(reply)) || (type == ReplyType.Done && !rows.SetDone(reply)))
                {
                    _connection.Release(record.Tag);
                    End(record, ErrorCode.StorageFull, false);
                    return;
                }
            }
            else if (record.Value != null)
            {
                if (type == ReplyType.Trap)
                {
                    if (record.Value.TrapMessage == null)
                    {
                        record.Value.TrapMessage = reply.GetString("message");
                    }
                }
                else if (type == ReplyType.Data || type == ReplyType.Done)
                {
                    record.Value.Offer(reply);
                }
            }
            else if (record.Handler != null)
            {
                Invoke(record, reply);
            }

            if (type == ReplyType.Done && record.Active)
            {
                End(record, Outcome(record), false);
            }
        }

        private static ErrorCode Outcome(CommandRecord record)
        {
            if (record.Trapped)
            {
                return ErrorCode.Trap;
            }

            // Rows or a value read by the client may have lost an attribute; say so.
            return record.Truncated && record.Handler == null && (record.Rows != null || record.Value != null) ? ErrorCode.Truncated : ErrorCode.None;
        }

        private void Invoke(CommandRecord record, Reply reply)
        {
            int tag = record.Tag;
            try
            {
                record.Handler(new CommandHandle(this, tag), reply);
            }
            catch (Exception)
            {
                // A faulty handler must not take the pump down; its command is stopped instead.
                if (record.Active && record.Tag == tag)
                {
                    _connection.Release(tag);
                    End(record, ErrorCode.HandlerFailed, false);
                }
            }
        }

        // The command is over for the client: its outcome is kept, its waiters and handler told.
        private void End(CommandRecord record, ErrorCode error, bool notify)
        {
            if (!record.Active)
            {
                return;
            }

            record.Active = false;
            _outcomes.Record(record.Tag, error);
            ReplyHandler handler = record.Handler;
            if (record.Rows != null)
            {
                record.Rows.Finish(error);
            }
            else if (record.Value != null)
            {
                record.Value.Result = error;
                record.Value.Finished = true;
            }
            else if (notify && handler != null)
            {
                try
                {
                    handler(new CommandHandle(this, record.Tag), null);
                }
                catch (Exception)
                {
                    // The command has ended either way.
                }
            }

            record.Handler = null;
            record.Rows = null;
            record.Value = null;
            record.Ended.Set();
            _slotFreed.Set();
        }

        private void Flush()
        {
            bool wrote = false;
            while (_transport != null && _connection.TransmitCount > 0)
            {
                int count = _connection.TransmitCount;
                try
                {
                    _transport.Write(_connection.TransmitBuffer, _connection.TransmitOffset, count);
                }
                catch (Exception)
                {
                    Lost(ErrorCode.TransportError);
                    return;
                }

                _connection.CommitTransmitted(count);
                wrote = true;
            }

            if (wrote && _transport != null)
            {
                try
                {
                    _transport.Flush();
                }
                catch (Exception)
                {
                    Lost(ErrorCode.TransportError);
                }
            }
        }

        // The connection is over: every command ends with the reason, handlers hear of it once.
        private void Lost(ErrorCode reason)
        {
            ITransport transport = _transport;
            if (transport == null)
            {
                return;
            }

            _connection.Abort(reason);
            _transport = null;
            ErrorCode error = _connection.Error;
            for (int i = 0; i < _records.Length; i++)
            {
                End(_records[i], error, true);
            }

            try
            {
                transport.Close();
            }
            catch (Exception)
            {
                // Already broken; nothing more to release.
            }
        }

        private void Unrouted(Reply reply)
        {
            _unroutedReplyCount++;
            ReplyHandler handler = _unroutedReplyHandler;
            if (handler != null)
            {
                try
                {
                    handler(new CommandHandle(null, reply.Tag), reply);
                }
                catch (Exception)
                {
                    // Reporting must not break the stream.
                }
            }
        }

        // The active record of command <tag>, or null (a record is active only while the core's
        // slot holds its command, so the records alone answer; the core is not asked).
        private CommandRecord Record(int tag)
        {
            for (int i = 0; i < _records.Length; i++)
            {
                CommandRecord record = _records[i];
                if (record.Tag == tag && record.Active)
                {
                    return record;
                }
            }

            return null;
        }

        private bool HasPolledCommand()
        {
            for (int i = 0; i < _records.Length; i++)
            {
                if (_records[i].IsPolled)
                {
                    return true;
                }
            }

            return false;
        }

        // A command that could not be sent is dropped, so its buffer is free for the next one.
        private static void Discard(CommandWriter command)
        {
            if (command.Buffer.IsStaged)
            {
                command.Buffer.Begin();
            }
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
                default: return "command failed";
            }
        }
    }
}
