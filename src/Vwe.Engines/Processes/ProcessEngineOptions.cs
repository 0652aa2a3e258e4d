using Vwe.Engines.Remote;

namespace Vwe.Engines.Processes;

/// <summary>How the pool spawns <c>vwe engine</c> children.</summary>
public sealed record ProcessEngineOptions
{
    public required EngineCommand Command { get; init; }

    public EngineOptions Engine { get; init; } = new();

    public RemoteEngineOptions Remote { get; init; } = new();

    /// <summary>
    /// <c>--fault</c> values for the Nth engine spawned (1-based), for tests of the pool against real failures;
    /// null or empty for none. Nothing else ever makes an engine misbehave on purpose.
    /// </summary>
    public Func<int, IReadOnlyList<string>?>? Faults { get; init; }
}
