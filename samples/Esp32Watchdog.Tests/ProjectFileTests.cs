using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace Esp32Watchdog.Tests
{
    /// <summary>
    /// The device project cannot be built here, so its files are checked as text: every source
    /// file is listed, HintPaths match packages.config, and device-only files say so.
    /// </summary>
    public class ProjectFileTests
    {
        private static readonly string ProjectDir = FindProjectDir();

        [Fact]
        public void NfprojListsEverySourceFile()
        {
            var listed = Nfproj().Descendants().Where(e => e.Name.LocalName == "Compile")
                .Select(e => e.Attribute("Include").Value.Replace('\\', '/'))
                .OrderBy(p => p, StringComparer.Ordinal)
                .ToArray();
            var onDisk = Directory.GetFiles(ProjectDir, "*.cs", SearchOption.AllDirectories)
                .Select(p => Path.GetRelativePath(ProjectDir, p).Replace('\\', '/'))
                .Where(p => !p.StartsWith("bin/", StringComparison.Ordinal) && !p.StartsWith("obj/", StringComparison.Ordinal))
                .OrderBy(p => p, StringComparer.Ordinal)
                .ToArray();
            Assert.Equal(onDisk, listed);
        }

        [Fact]
        public void HintPathsMatchPackagesConfig()
        {
            var packages = XDocument.Load(Path.Combine(ProjectDir, "packages.config")).Root.Elements("package")
                .Select(p => p.Attribute("id").Value + "." + p.Attribute("version").Value)
                .OrderBy(p => p, StringComparer.Ordinal)
                .ToArray();
            var hinted = Nfproj().Descendants().Where(e => e.Name.LocalName == "HintPath")
                .Select(e => Regex.Match(e.Value, @"^\.\.\\\.\.\\packages\\([^\\]+)\\lib\\[^\\]+\.dll$"))
                .Select(m => Assert.IsType<Match>(m).Success ? m.Groups[1].Value : "malformed")
                .OrderBy(p => p, StringComparer.Ordinal)
                .ToArray();
            Assert.Equal(packages, hinted);
            Assert.Contains("nanoFramework.CoreLibrary.1.17.11", packages);
        }

        [Fact]
        public void DeviceOnlyFilesSaySoAndTheRestStayOutOfPlatformNamespaces()
        {
            foreach (var file in Directory.GetFiles(Path.Combine(ProjectDir, "Platform"), "*.cs"))
            {
                Assert.StartsWith("// Device-only", File.ReadAllText(file));
            }

            foreach (var file in Directory.GetFiles(ProjectDir, "*.cs", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(ProjectDir, file).Replace('\\', '/');
                if (relative.StartsWith("Platform/", StringComparison.Ordinal) || relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal))
                {
                    continue;
                }

                string text = File.ReadAllText(file);
                Assert.DoesNotContain("System.Device", text);
                Assert.DoesNotContain("nanoFramework.", text);
            }
        }

        [Fact]
        public void ProjectIdentity()
        {
            string text = File.ReadAllText(Path.Combine(ProjectDir, "Esp32Watchdog.nfproj"));
            Assert.Contains("<ProjectGuid>{1EE34F07-FA29-4BA3-9A8F-31E5BA14E1A4}</ProjectGuid>", text);
            Assert.Contains("<OutputType>Exe</OutputType>", text);
            Assert.Contains("<AssemblyName>Esp32Watchdog</AssemblyName>", text);
            Assert.Contains(@"..\..\Mikrotik.Nano.Core\Mikrotik.Nano.Core.nfproj", text);
            Assert.Contains(@"..\..\Mikrotik.Nano.Device\Mikrotik.Nano.Device.nfproj", text);
        }

        private static XDocument Nfproj()
        {
            return XDocument.Load(Path.Combine(ProjectDir, "Esp32Watchdog.nfproj"));
        }

        private static string FindProjectDir()
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir != null)
            {
                string candidate = Path.Combine(dir.FullName, "samples", "Esp32Watchdog");
                if (File.Exists(Path.Combine(candidate, "Esp32Watchdog.nfproj")))
                {
                    return candidate;
                }

                dir = dir.Parent;
            }

            throw new InvalidOperationException("samples/Esp32Watchdog not found above " + AppContext.BaseDirectory);
        }
    }
}
