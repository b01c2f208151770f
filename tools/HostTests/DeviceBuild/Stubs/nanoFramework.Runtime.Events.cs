// Reference stub of nanoFramework.Runtime.Events 1.11.32 (assembly nanoFramework.Runtime.Events), for
// tools/HostTests/DeviceBuild only: the signatures this repository's device code reaches, written here
// after reading nanoframework/nanoFramework.Runtime.Events at tag v1.11.32 (commit 3becfe40). No bodies.
namespace nanoFramework.Runtime.Events
{
    public class BaseEvent
    {
    }
}
