using System.Reflection;

[assembly: AssemblyTitle("NFUnitTest")]
[assembly: AssemblyDescription("Tests of the Esp32Watchdog sample, run by the nanoFramework unit test launcher on a device or nanoCLR, or by tools/NanoTestRunner on a host.")]
[assembly: AssemblyProduct("Mikrotik.Nano")]
[assembly: AssemblyCopyright("Copyright (c) 2026 Mikrotik.Nano contributors")]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
