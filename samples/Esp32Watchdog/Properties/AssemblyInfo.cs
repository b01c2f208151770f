using System.Reflection;

[assembly: AssemblyTitle("Esp32Watchdog")]
[assembly: AssemblyDescription("Firmware sample: watches MikroTik routers and reboots them when they hang.")]
[assembly: AssemblyProduct("Mikrotik.Nano")]
[assembly: AssemblyCopyright("Copyright (c) 2026 Mikrotik.Nano contributors")]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
