using System.Reflection;
using System.Runtime.CompilerServices;

[assembly: AssemblyTitle("Mikrotik.Nano.Testing")]
[assembly: AssemblyDescription("In-memory transport for testing code built on Mikrotik.Nano.Device; not for deployment.")]
[assembly: AssemblyProduct("Mikrotik.Nano")]
[assembly: AssemblyCopyright("Copyright (c) 2026 Mikrotik.Nano contributors")]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]

// A pure managed library: no native counterpart on the device.
[assembly: AssemblyNativeVersion("0.0.0.0")]
