// Reference stub of nanoFramework.Networking.Sntp 1.6.42 (assembly nanoFramework.Networking.Sntp), for
// tools/HostTests/DeviceBuild only: the signatures this repository's device code reaches, written here
// after reading nanoframework/nanoFramework.Networking.Sntp at tag v1.6.42 (commit 8e44b138). No bodies.
namespace nanoFramework.Networking
{
    public class Sntp
    {
        public static void Start() { throw null; }
        public static void Stop() { throw null; }
        public static void UpdateNow() { throw null; }
        public static bool IsStarted { get { throw null; } }
        public static string Server1 { get { throw null; } set { throw null; } }
        public static string Server2 { get { throw null; } set { throw null; } }
    }
}
