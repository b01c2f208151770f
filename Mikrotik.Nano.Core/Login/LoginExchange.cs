namespace Mikrotik.Nano
{
    /// <summary>
    /// The login conversation: the plain <c>/login =name= =password=</c>, and the MD5 answer when a
    /// pre-6.43 router replies with a challenge. The credentials are kept only until the outcome.
    /// </summary>
    /// <remarks>
    /// <code>
    /// None         --Start---------------------------&gt; SentPassword
    /// SentPassword --!done =ret=, response written---&gt; SentResponse
    /// SentPassword --!done---------------------------&gt; None (succeeded)
    /// Sent*        --!trap---------------------------&gt; Refused (its !done is still to come)
    /// Refused      --!done---------------------------&gt; None
    /// SentResponse --!done =ret= again---------------&gt; None (failed: InvalidChallenge)
    /// </code>
    /// Replies are the login's when they carry its tag, or no tag at all while it is under way
    /// (some routers answer the login untagged).
    /// </remarks>
    internal sealed class LoginExchange
    {
        private readonly LegacyLogin _legacy;
        private readonly CommandTable _tags;
        private readonly byte[] _response = new byte[LegacyLogin.ResponseLength];
        private string _user;
        private string _password;
        private LoginStep _step;

        internal LoginExchange(int maxPasswordBytes, CommandTable tags)
        {
            _tags = tags;
            _legacy = new LegacyLogin(maxPasswordBytes);
        }

        internal int Tag;

        internal long Deadline;

        /// <summary>Why the last exchange failed (<see cref="LoginOutcome.Failed"/>).</summary>
        internal ErrorCode Error;

        /// <summary>Whether <paramref name="tag"/> belongs to this exchange.</summary>
        internal bool Owns(int tag)
        {
            return _step != LoginStep.None && (tag == Tag || tag < 0);
        }

        internal ErrorCode Start(WordBuffer transmit, string user, string password, long deadline)
        {
            int tag = _tags.NextTag();
            _user = user == null ? string.Empty : user;
            _password = password == null ? string.Empty : password;
            Tag = tag;
            Deadline = deadline;
            transmit.BeginSentence();
            ErrorCode error = transmit.WriteWord("/login", null, null, (string)null);
            if (error == ErrorCode.None) error = transmit.WriteWord("=name=", _user, null, (string)null);
            if (error == ErrorCode.None) error = transmit.WriteWord("=password=", _password, null, (string)null);
            if (error == ErrorCode.None) error = transmit.WriteWord(".tag=", null, null, (long)tag);
            if (error == ErrorCode.None) error = transmit.CommitSentence();
            if (error != ErrorCode.None)
            {
                Forget();
                return error;
            }

            transmit.MarkSensitive();
            _step = LoginStep.SentPassword;
            return ErrorCode.None;
        }

        /// <summary>Takes one of the login's replies, answering a challenge when one comes.</summary>
        internal LoginOutcome OnReply(Reply reply, WordBuffer transmit)
        {
            if (_step == LoginStep.Refused)
            {
                if (reply.Type == ReplyType.Done)
                {
                    _step = LoginStep.None;
                }

                return LoginOutcome.Pending;
            }

            if (reply.Type == ReplyType.Trap)
            {
                _step = LoginStep.Refused;
                Forget();
                return LoginOutcome.Refused;
            }

            if (reply.Type != ReplyType.Done)
            {
                return LoginOutcome.Pending;
            }

            int ret = reply.FindAttribute("ret");
            if (ret < 0)
            {
                _step = LoginStep.None;
                Forget();
                return LoginOutcome.Succeeded;
            }

            // Only the first /login may be answered with a challenge.
            ErrorCode error = _step == LoginStep.SentPassword ? Answer(reply, ret, transmit) : ErrorCode.InvalidChallenge;
            if (error != ErrorCode.None)
            {
                Error = error;
                _step = LoginStep.None;
                Forget();
                return LoginOutcome.Failed;
            }

            return LoginOutcome.Pending;
        }

        /// <summary>Drops the credentials and any exchange under way.</summary>
        internal void Forget()
        {
            _user = null;
            _password = null;
            if (_step != LoginStep.Refused)
            {
                _step = LoginStep.None;
            }
        }

        internal void Reset()
        {
            _step = LoginStep.None;
            Forget();
        }

        private ErrorCode Answer(Reply reply, int retWord, WordBuffer transmit)
        {
            // InvalidChallenge, or PasswordTooLong for a password beyond MaxPasswordBytes.
            ErrorCode error = _legacy.ComputeResponse(_password, reply.Buffer, reply.GetValueOffset(retWord),
                reply.GetValueLength(retWord), _response, 0);
            if (error != ErrorCode.None)
            {
                return error;
            }

            int tag = _tags.NextTag();
            Tag = tag;
            transmit.BeginSentence();
            error = transmit.WriteWord("/login", null, null, (string)null);
            if (error == ErrorCode.None) error = transmit.WriteWord("=name=", _user, null, (string)null);
            if (error == ErrorCode.None) error = transmit.WriteWord("=response=", null, null, _response, 0, LegacyLogin.ResponseLength);
            if (error == ErrorCode.None) error = transmit.WriteWord(".tag=", null, null, (long)tag);
            if (error == ErrorCode.None) error = transmit.CommitSentence();
            System.Array.Clear(_response, 0, _response.Length);
            if (error == ErrorCode.None)
            {
                transmit.MarkSensitive();
                _step = LoginStep.SentResponse;
                _password = null;
            }

            return error;
        }

        private enum LoginStep : byte
        {
            None = 0,
            SentPassword = 1,
            SentResponse = 2,
            Refused = 3
        }
    }
}
