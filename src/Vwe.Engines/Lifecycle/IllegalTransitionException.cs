namespace Vwe.Engines.Lifecycle;

/// <summary>A move the lifecycle table does not allow: a bug in whoever drove the engine.</summary>
public sealed class IllegalTransitionException(string engineId, EngineState from, EngineState to)
    : InvalidOperationException(
        $"engine {engineId} cannot move from {from} to {to}; allowed from {from}: {string.Join(", ", EngineTransitions.From(from))}")
{
    public string EngineId { get; } = engineId;

    public EngineState From { get; } = from;

    public EngineState To { get; } = to;
}
