// Reference stub of nanoFramework.System.IO.FileSystem 1.1.87 (assembly System.IO.FileSystem), for
// tools/HostTests/DeviceBuild only: the signatures this repository's device code reaches, written here
// after reading nanoframework/System.IO.FileSystem at tag v1.1.87 (commit 2f5d90d0). No bodies.
// (IOException and its ErrorCode are nanoFramework's mscorlib.)
namespace System.IO
{
    public enum FileMode
    {
        CreateNew = 1,
        Create = 2,
        Open = 3,
        OpenOrCreate = 4,
        Truncate = 5,
        Append = 6,
    }

    public enum FileAccess
    {
        Read = 1,
        Write = 2,
        ReadWrite = 3,
    }

    public class FileStream : Stream
    {
        public FileStream(string path, FileMode mode) { throw null; }
        public FileStream(string path, FileMode mode, FileAccess access) { throw null; }
        public string Name { get { throw null; } }
        public override void Close() { throw null; }
        public override void Flush() { throw null; }
        public override int Read(byte[] buffer, int offset, int count) { throw null; }
        public override void Write(byte[] buffer, int offset, int count) { throw null; }
    }
}
