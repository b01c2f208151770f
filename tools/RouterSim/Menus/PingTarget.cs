namespace RouterSim;

/// <summary>How the simulated network answers pings to one address.</summary>
/// <param name="LossPercent">0..100; probes are lost in an even, deterministic pattern.</param>
/// <param name="Rtt">Round-trip time of answered probes.</param>
public sealed record PingTarget(int LossPercent, TimeSpan Rtt);
