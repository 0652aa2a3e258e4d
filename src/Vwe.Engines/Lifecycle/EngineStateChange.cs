namespace Vwe.Engines.Lifecycle;

/// <summary>One move of one engine, as <see cref="EngineLifecycle.Changed"/> reports it.</summary>
public sealed record EngineStateChange(string EngineId, EngineState From, EngineState To, DateTimeOffset AtUtc, string? Reason);
