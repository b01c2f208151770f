// Reference stub of nanoFramework.System.Threading 1.1.52 (assembly System.Threading), for
// tools/HostTests/DeviceBuild only: the signatures this repository's device code reaches, written here
// after reading nanoframework/System.Threading at tag v1.1.52 (commit 866134ed). No bodies.
// (Thread, Timeout and ThreadPriority are nanoFramework's mscorlib, not this package.)
namespace System.Threading
{
    public struct CancellationToken
    {
        public bool IsCancellationRequested { get { throw null; } }
    }

    public class CancellationTokenSource : IDisposable
    {
        public CancellationTokenSource(int millisecondsDelay) { throw null; }
        public CancellationToken Token { get { throw null; } }
        public void Cancel() { throw null; }
        public void Dispose() { throw null; }
    }
}
