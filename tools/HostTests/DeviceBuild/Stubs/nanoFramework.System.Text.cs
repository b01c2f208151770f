// Reference stub of nanoFramework.System.Text 1.3.42 (assembly nanoFramework.System.Text), for
// tools/HostTests/DeviceBuild only. Empty: this repository's device code uses nothing of it directly
// (Core has its own UTF-8 codec); the projects reference it because System.Net depends on it.
namespace System.Text
{
}
