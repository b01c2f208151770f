// Reference stub of nanoFramework.System.IO.Streams 1.1.96 (assembly System.IO.Streams), for
// tools/HostTests/DeviceBuild only: the signatures this repository's device code reaches, written here
// after reading nanoframework/System.IO.Streams at tag v1.1.96 (commit e6d0ae8b). No bodies. Stream's
// abstract members are declared virtual so the stubs deriving from it stay short.
namespace System.IO
{
    public abstract class Stream : MarshalByRefObject, IDisposable
    {
        public virtual void Close() { throw null; }
        public void Dispose() { throw null; }
        public virtual void Flush() { throw null; }
        public virtual int Read(byte[] buffer, int offset, int count) { throw null; }
        public virtual void Write(byte[] buffer, int offset, int count) { throw null; }
        protected virtual void Dispose(bool disposing) { throw null; }
    }
}
