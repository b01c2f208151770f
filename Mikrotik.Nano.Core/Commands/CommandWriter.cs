namespace Mikrotik.Nano
{
    /// <summary>
    /// A command that has its path: add attributes and query words, then hand it to
    /// <see cref="ApiConnection.Send(CommandWriter, long)"/> (or the client's Send). Every call encodes its word into the
    /// <see cref="CommandBuffer"/>; if a word does not fit, the command is discarded and an
    /// exception says why.
    /// </summary>
    /// <remarks>
    /// A buffer reuses one writer for every command: a writer is valid from
    /// <see cref="CommandBuilder.Path"/> until the command is sent or the buffer begins another.
    /// Names are ASCII without <c>=</c> or spaces; values are any text (sent as UTF-8) or raw bytes.
    /// </remarks>
    public sealed class CommandWriter
    {
        private readonly CommandBuffer _buffer;

        internal CommandWriter(CommandBuffer buffer)
        {
            _buffer = buffer;
        }

        /// <summary>The buffer this command is staged in.</summary>
        public CommandBuffer Buffer
        {
            get { return _buffer; }
        }

        /// <summary>Adds <c>=name=value</c>.</summary>
        /// <param name="name">The attribute name, e.g. <c>address</c> or <c>.id</c>.</param>
        /// <param name="value">The value; may be empty and may contain <c>=</c>.</param>
        /// <returns>This writer.</returns>
        public CommandWriter Attribute(string name, string value)
        {
            CheckName(name);
            Write("=", name, "=", value == null ? string.Empty : value);
            return this;
        }

        /// <summary>Adds <c>=name=value</c> with a decimal integer value.</summary>
        /// <param name="name">The attribute name, e.g. <c>count</c>.</param>
        /// <param name="value">The value.</param>
        /// <returns>This writer.</returns>
        public CommandWriter Attribute(string name, long value)
        {
            CheckName(name);
            Write("=", name, "=", value);
            return this;
        }

        /// <summary>Adds <c>=name=</c> followed by raw bytes, sent as they are.</summary>
        /// <param name="name">The attribute name.</param>
        /// <param name="value">The buffer holding the value.</param>
        /// <param name="offset">Where the value starts.</param>
        /// <param name="count">Its length in bytes.</param>
        /// <returns>This writer.</returns>
        public CommandWriter Attribute(string name, byte[] value, int offset, int count)
        {
            CheckName(name);
            if (value == null || offset < 0 || count < 0 || offset + count > value.Length)
            {
                Fail(ErrorCode.InvalidName, "bad value range");
            }

            Write("=", name, "=", value, offset, count);
            return this;
        }

        /// <summary>Adds a flag, sent as <c>=name=</c> (e.g. <c>follow</c>, <c>once</c>).</summary>
        /// <param name="name">The flag name.</param>
        /// <returns>This writer.</returns>
        public CommandWriter Flag(string name)
        {
            return Attribute(name, string.Empty);
        }

        /// <summary>Adds <c>=.proplist=names</c>: the router returns only these attributes.</summary>
        /// <param name="names">Comma-separated attribute names, e.g. <c>uptime,cpu-load</c>.</param>
        /// <returns>This writer.</returns>
        public CommandWriter Proplist(string names)
        {
            CheckName(names);
            Write("=.proplist=", null, null, names);
            return this;
        }

        /// <summary>Query <c>?name</c>: rows that have the attribute.</summary>
        /// <param name="name">The attribute name.</param>
        /// <returns>This writer.</returns>
        public CommandWriter QueryHas(string name)
        {
            CheckName(name);
            Write("?", name, null, (string)null);
            return this;
        }

        /// <summary>Query <c>?-name</c>: rows that lack the attribute.</summary>
        /// <param name="name">The attribute name.</param>
        /// <returns>This writer.</returns>
        public CommandWriter QueryLacks(string name)
        {
            CheckName(name);
            Write("?-", name, null, (string)null);
            return this;
        }

        /// <summary>Query <c>?name=value</c>: rows whose attribute equals the value.</summary>
        /// <param name="name">The attribute name.</param>
        /// <param name="value">The value.</param>
        /// <returns>This writer.</returns>
        public CommandWriter QueryEquals(string name, string value)
        {
            return Query("?", name, value);
        }

        /// <summary>
        /// Query <c>?=name=value</c>: the same test as <see cref="QueryEquals"/> in the form that
        /// stays unambiguous for names beginning with <c>-</c>, <c>&lt;</c>, <c>&gt;</c> or <c>#</c>.
        /// </summary>
        /// <param name="name">The attribute name.</param>
        /// <param name="value">The value.</param>
        /// <returns>This writer.</returns>
        public CommandWriter QueryEqualsAttribute(string name, string value)
        {
            return Query("?=", name, value);
        }

        /// <summary>Query <c>?&lt;name=value</c>: rows whose attribute is less than the value.</summary>
        /// <param name="name">The attribute name.</param>
        /// <param name="value">The value.</param>
        /// <returns>This writer.</returns>
        public CommandWriter QueryLess(string name, string value)
        {
            return Query("?<", name, value);
        }

        /// <summary>Query <c>?&gt;name=value</c>: rows whose attribute is greater than the value.</summary>
        /// <param name="name">The attribute name.</param>
        /// <param name="value">The value.</param>
        /// <returns>This writer.</returns>
        public CommandWriter QueryGreater(string name, string value)
        {
            return Query("?>", name, value);
        }

        /// <summary>
        /// Query <c>?#operations</c>, acting on the stack of earlier query results: <c>!</c> not,
        /// <c>&amp;</c> and, <c>|</c> or, <c>.</c> duplicate, decimal digits push a copy of the
        /// entry at that depth (0 = top). Example: two equality queries then <c>|</c> means either.
        /// </summary>
        /// <param name="operations">The operations, e.g. <c>|</c> or <c>!&amp;</c>.</param>
        /// <returns>This writer.</returns>
        public CommandWriter QueryOperations(string operations)
        {
            _buffer.CheckStaged();
            if (operations == null || operations.Length == 0)
            {
                Fail(ErrorCode.InvalidQuery, "empty query operations");
            }

            for (int i = 0; i < operations.Length; i++)
            {
                char c = operations[i];
                if (!(c == '!' || c == '&' || c == '|' || c == '.' || (c >= '0' && c <= '9')))
                {
                    Fail(ErrorCode.InvalidQuery, "bad query operation");
                }
            }

            Write("?#", operations, null, (string)null);
            return this;
        }

        private CommandWriter Query(string prefix, string name, string value)
        {
            CheckName(name);
            Write(prefix, name, "=", value == null ? string.Empty : value);
            return this;
        }

        // Every public method has already checked that a command is staged (CheckName or
        // QueryOperations), so the writes themselves do not check again.
        private void Write(string a, string b, string c, string value)
        {
            _buffer.Write(_buffer.Words.WriteWord(a, b, c, value));
        }

        private void Write(string a, string b, string c, long value)
        {
            _buffer.Write(_buffer.Words.WriteWord(a, b, c, value));
        }

        private void Write(string a, string b, string c, byte[] value, int offset, int count)
        {
            _buffer.Write(_buffer.Words.WriteWord(a, b, c, value, offset, count));
        }

        private void CheckName(string name)
        {
            _buffer.CheckStaged();
            if (name == null || name.Length == 0)
            {
                Fail(ErrorCode.InvalidName, "empty name");
            }

            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (c <= ' ' || c > '~' || c == '=')
                {
                    Fail(ErrorCode.InvalidName, "invalid name");
                }
            }
        }

        private void Fail(ErrorCode code, string message)
        {
            _buffer.Abandon();
            throw new MikrotikException(code, message);
        }
    }
}
