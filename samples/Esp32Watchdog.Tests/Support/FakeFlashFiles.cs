using System;
using System.Collections;
using System.IO;
using Esp32Watchdog.Ports;

namespace Esp32Watchdog.Tests.Support
{
    /// <summary>
    /// The board's internal flash with nanoFramework's file rules (System.IO.FileSystem 1.1.87):
    /// a write opens with FileMode.Create, so the old content is gone the moment it starts and a
    /// reset in the middle leaves a short file; a missing file is "no such file", never an empty
    /// one; a missing drive or a failing flash throws IOException on every call; names are short
    /// (SPIFFS and LittleFS object names: under 32 characters, no folders). There is no rename to
    /// rely on (nanoFramework's File.Move refuses an existing target). Survives the board's
    /// "resets": tests keep one instance and rebuild the watchdog over it.
    /// </summary>
    internal sealed class FakeFlashFiles : IFlashFiles
    {
        private readonly ArrayList _names = new ArrayList();
        private readonly ArrayList _contents = new ArrayList();

        /// <summary>No drive mounted (or a dead flash): every call throws IOException.</summary>
        public bool DriveMissing;

        /// <summary>Writes throw IOException (a full or worn flash); reads still work.</summary>
        public bool FailWrites;

        /// <summary>When 0 or more, the next write is cut by a reset after that many bytes (and throws).</summary>
        public int TearNextWriteAfter = -1;

        /// <summary>The board has lost power (a brown-out): nothing it still "writes" reaches the flash.</summary>
        public bool Frozen;

        /// <summary>Writes done (flash wear).</summary>
        public int Writes;

        public int Read(string name, byte[] buffer)
        {
            Check(name);
            int i = _names.IndexOf(name);
            if (i < 0)
            {
                return -1;
            }

            byte[] content = (byte[])_contents[i];
            int n = content.Length < buffer.Length ? content.Length : buffer.Length;
            Array.Copy(content, buffer, n);
            return n;
        }

        public void Write(string name, byte[] buffer, int count)
        {
            Check(name);
            if (Frozen)
            {
                return;
            }

            if (FailWrites)
            {
                throw new IOException("flash full");
            }

            int kept = count;
            bool torn = TearNextWriteAfter >= 0 && TearNextWriteAfter < count;
            if (torn)
            {
                kept = TearNextWriteAfter;
            }

            TearNextWriteAfter = -1;
            byte[] content = new byte[kept];
            Array.Copy(buffer, content, kept);
            Put(name, content);
            Writes++;
            if (torn)
            {
                throw new IOException("reset during write");
            }
        }

        /// <summary>Whether a file exists.</summary>
        public bool Exists(string name)
        {
            return _names.IndexOf(name) >= 0;
        }

        /// <summary>A copy of a file's content (null when missing).</summary>
        public byte[] Content(string name)
        {
            int i = _names.IndexOf(name);
            return i < 0 ? null : (byte[])((byte[])_contents[i]).Clone();
        }

        /// <summary>Replaces a file's content behind the store's back (corruption, an old version).</summary>
        public void Put(string name, byte[] content)
        {
            int i = _names.IndexOf(name);
            if (i < 0)
            {
                _names.Add(name);
                _contents.Add(content);
            }
            else
            {
                _contents[i] = content;
            }
        }

        /// <summary>Flips one bit of a file (a flash cell gone bad).</summary>
        public void FlipBit(string name, int offset)
        {
            byte[] content = (byte[])_contents[_names.IndexOf(name)];
            content[offset] ^= 0x10;
        }

        private void Check(string name)
        {
            if (DriveMissing)
            {
                throw new IOException("no drive");
            }

            if (name == null || name.Length == 0 || name.Length > 31)
            {
                throw new IOException("bad file name");
            }

            for (int c = 0; c < name.Length; c++)
            {
                char ch = name[c];
                bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '.' || ch == '-' || ch == '_';
                if (!ok)
                {
                    throw new IOException("bad file name");
                }
            }
        }
    }
}
