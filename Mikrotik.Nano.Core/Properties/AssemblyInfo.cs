using System.Reflection;
using System.Runtime.CompilerServices;

[assembly: AssemblyTitle("Mikrotik.Nano.Core")]
[assembly: AssemblyDescription("Sans-IO RouterOS API protocol core for .NET nanoFramework.")]
[assembly: AssemblyProduct("Mikrotik.Nano")]
[assembly: AssemblyCopyright("Copyright (c) 2026 Mikrotik.Nano contributors")]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]

// A pure managed library: no native counterpart on the device.
[assembly: AssemblyNativeVersion("0.0.0.0")]

// Implementation details stay internal; the unit tests (NFUnitTest on the device and the host),
// the host property tests and the benchmarks test them directly.
[assembly: InternalsVisibleTo("NFUnitTest")]
[assembly: InternalsVisibleTo("HostTests")]
[assembly: InternalsVisibleTo("Mikrotik.Nano.Benchmarks")]
