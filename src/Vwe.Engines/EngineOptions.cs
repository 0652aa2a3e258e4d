namespace Vwe.Engines;

/// <summary>How one engine works, whatever its kind.</summary>
public sealed record EngineOptions
{
    /// <summary>Threads the engine may use for one job (sampling; pre-generation uses at most two).</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Worlds kept loaded between jobs (seed affinity), most recent first.</summary>
    public int MaxWorlds { get; init; } = 3;

    /// <summary>Run one small job through every code path before reporting Ready (so the first real job is not paying the JIT).</summary>
    public bool WarmUp { get; init; } = true;
}
