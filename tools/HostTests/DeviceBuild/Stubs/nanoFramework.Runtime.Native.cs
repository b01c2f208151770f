// Reference stub of nanoFramework.Runtime.Native 1.7.11 (assembly nanoFramework.Runtime.Native), for
// tools/HostTests/DeviceBuild only: the signatures this repository's device code reaches, written here
// after reading nanoframework/nanoFramework.Runtime.Native at tag v1.7.11 (commit e70ef692). No bodies.
// Environment.TickCount64 lives here on nanoFramework, not in mscorlib.
namespace nanoFramework.Runtime.Native
{
    public enum RebootOption
    {
        NormalReboot = 0,
    }

    public class Power
    {
        public static void RebootDevice(RebootOption rebootOption = RebootOption.NormalReboot) { throw null; }
    }

    public static class GC
    {
        public static uint Run(bool compactHeap) { throw null; }
    }
}

namespace System
{
    public static class Environment
    {
        public static long TickCount64 { get { throw null; } }
    }
}
