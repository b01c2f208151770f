using System.Reflection;

[assembly: AssemblyTitle("nanoFramework.TestFramework (host stand-in)")]
[assembly: AssemblyDescription("The nanoFramework.TestFramework 3.x API for running NFUnitTest on a host.")]
[assembly: AssemblyProduct("Mikrotik.Nano")]
[assembly: AssemblyCopyright("Copyright (c) 2026 Mikrotik.Nano contributors")]
[assembly: AssemblyVersion("3.0.0.0")]
[assembly: AssemblyFileVersion("3.0.0.0")]
