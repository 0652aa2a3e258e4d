namespace Vwe.Pool;

/// <summary>
/// How a <see cref="WarmEnginePool"/> behaves. Defaults follow the earlier system (three ready engines) and
/// Agones (pings every 5 s, unhealthy after 3 misses). <see cref="Validate"/> refuses inconsistent settings by name.
/// </summary>
public sealed record PoolOptions
{
    /// <summary>Engines kept started and ready, started in parallel when the pool starts.</summary>
    public int MinReady { get; init; } = 3;

    /// <summary>Engines alive at most (starting, ready or busy).</summary>
    public int MaxEngines { get; init; } = 3;

    /// <summary>
    /// Jobs running at once. Engines × threads per engine should not exceed the cores (see
    /// <see cref="PoolSizing"/>): extra ready engines are then spares that take over at once when one dies.
    /// </summary>
    public int MaxConcurrentJobs { get; init; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>How long <see cref="WarmEnginePool.AcquireAsync"/> waits for a free engine.</summary>
    public TimeSpan AcquireTimeout { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan HealthInterval { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Consecutive unanswered pings after which an engine is Unhealthy and replaced.</summary>
    public int MaxMissedPings { get; init; } = 3;

    /// <summary>The default of <see cref="MaxJobsPerEngine"/>.</summary>
    public const int DefaultMaxJobsPerEngine = 10;

    /// <summary>
    /// Exports after which an engine is replaced by a fresh one. Inline samples (point queries, map tiles) do not
    /// count: they are small and come in streams, and a fresh engine would have to load the world again.
    /// </summary>
    public int MaxJobsPerEngine { get; init; } = DefaultMaxJobsPerEngine;

    /// <summary>Age after which an engine is replaced once idle, shortened per engine by up to <see cref="LifetimeJitter"/> so engines do not all retire at once.</summary>
    public TimeSpan MaxLifetime { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Fraction of <see cref="MaxLifetime"/> taken off at random per engine, 0..1.</summary>
    public double LifetimeJitter { get; init; } = 0.2;

    /// <summary>Tries per job: the first, plus retries on another engine after an engine failure.</summary>
    public int MaxAttempts { get; init; } = 2;

    /// <summary>First wait after a failed engine start; doubles per consecutive failure up to <see cref="MaxStartBackoff"/>.</summary>
    public TimeSpan StartBackoff { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan MaxStartBackoff { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Consecutive failed starts after which waiting requests fail with <see cref="EnginesCannotStartException"/>.</summary>
    public int MaxStartFailures { get; init; } = 4;

    /// <summary>On dispose: how long running jobs may finish before they are cancelled.</summary>
    public TimeSpan DrainTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long an engine may take to shut down politely before it is killed.</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Throws <see cref="ArgumentException"/> naming the first inconsistent setting and its value.</summary>
    public void Validate()
    {
        Require(MinReady >= 0, $"MinReady {MinReady} is negative");
        Require(MaxEngines >= 1, $"MaxEngines {MaxEngines} is below 1");
        Require(MinReady <= MaxEngines, $"MinReady {MinReady} is above MaxEngines {MaxEngines}");
        Require(MaxConcurrentJobs >= 1, $"MaxConcurrentJobs {MaxConcurrentJobs} is below 1");
        Require(AcquireTimeout > TimeSpan.Zero, $"AcquireTimeout {AcquireTimeout} is not positive");
        Require(HealthInterval > TimeSpan.Zero, $"HealthInterval {HealthInterval} is not positive");
        Require(MaxMissedPings >= 1, $"MaxMissedPings {MaxMissedPings} is below 1");
        Require(MaxJobsPerEngine >= 1, $"MaxJobsPerEngine {MaxJobsPerEngine} is below 1");
        Require(MaxLifetime > TimeSpan.Zero, $"MaxLifetime {MaxLifetime} is not positive");
        Require(LifetimeJitter is >= 0 and <= 1, $"LifetimeJitter {LifetimeJitter} is outside 0..1");
        Require(MaxAttempts >= 1, $"MaxAttempts {MaxAttempts} is below 1");
        Require(StartBackoff > TimeSpan.Zero && MaxStartBackoff >= StartBackoff, $"StartBackoff {StartBackoff} must be positive and at most MaxStartBackoff {MaxStartBackoff}");
        Require(MaxStartFailures >= 1, $"MaxStartFailures {MaxStartFailures} is below 1");
    }

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"pool options: {problem}");
        }
    }
}
