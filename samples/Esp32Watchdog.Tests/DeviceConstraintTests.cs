using System.IO;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using Xunit;

namespace Esp32Watchdog.Tests
{
    /// <summary>
    /// The compiler accepts generics and multidimensional arrays against the nano mscorlib, but
    /// the stable runtime crashes loading them: check the compiled watchdog logic for them.
    /// </summary>
    public class DeviceConstraintTests
    {
        [Fact]
        public void WatchdogAssemblyUsesNoGenericsNorMultidimensionalArrays()
        {
            string path = typeof(Esp32Watchdog.Policy.RouterPolicy).Assembly.Location;
            using var stream = File.OpenRead(path);
            using var pe = new PEReader(stream);
            MetadataReader md = pe.GetMetadataReader();

            Assert.Equal(0, md.GetTableRowCount(TableIndex.MethodSpec));
            Assert.Equal(0, md.GetTableRowCount(TableIndex.GenericParam));
            foreach (var handle in md.TypeReferences)
            {
                TypeReference type = md.GetTypeReference(handle);
                string name = md.GetString(type.Namespace) + "." + md.GetString(type.Name);
                Assert.DoesNotContain("`", name);
                Assert.DoesNotContain("System.Collections.Generic", name);
                Assert.DoesNotContain("System.Threading.Tasks", name);
                Assert.DoesNotContain("System.Text.StringBuilder", name);
            }

            for (int row = 1; row <= md.GetTableRowCount(TableIndex.TypeSpec); row++)
            {
                TypeSpecificationHandle handle = MetadataTokens.TypeSpecificationHandle(row);
                BlobReader blob = md.GetBlobReader(md.GetTypeSpecification(handle).Signature);
                byte kind = blob.ReadByte();
                Assert.NotEqual(0x15, kind); // GENERICINST
                Assert.NotEqual(0x14, kind); // ARRAY (multidimensional)
            }
        }
    }
}
