namespace Vwe.Engines;

/// <summary>What an engine said about itself when it became ready (the protocol's hello).</summary>
public sealed record EngineInfo(
    int ProtocolVersion,
    string EngineVersion,
    EngineKind Kind,
    int? ProcessId,
    int Threads,
    int WorldGenVersion,
    int EngineDataVersion,
    int MaxWorlds,
    int MaxSamplePoints);
