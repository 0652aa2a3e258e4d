namespace Vwe.Engines.Remote;

/// <summary>
/// Time limits for an engine on the other end of the protocol. These are the client's own limits, separate from
/// health checks: a job's deadline ends the job, a missed ping is the pool's business.
/// </summary>
public sealed record RemoteEngineOptions
{
    /// <summary>From spawn to hello (the engine warms up first).</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Loading one world; past it the engine is restarted and the job retried elsewhere (the fast-restart fallback).</summary>
    public TimeSpan LoadTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>One export or sample, when the job sets no deadline of its own.</summary>
    public TimeSpan JobTimeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Answers that need no work: hello, ping, reset, shutdown.</summary>
    public TimeSpan ControlTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Added to every limit for the answer's trip back, and how long a cancelled job may take to confirm.</summary>
    public TimeSpan Grace { get; init; } = TimeSpan.FromSeconds(5);
}
