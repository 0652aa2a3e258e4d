namespace Vwe.Engines;

/// <summary>
/// The engine itself is broken: it died, hung, broke the protocol or missed a deadline of ours. The engine is
/// marked Unhealthy and must be replaced; the job it was doing may be retried on another engine.
/// </summary>
public sealed class EngineFailedException(string engineId, string reason, Exception? inner = null)
    : Exception($"engine {engineId} failed: {reason}", inner)
{
    public string EngineId { get; } = engineId;

    public string Reason { get; } = reason;
}

/// <summary>
/// The job failed for a reason of its own (a bad request, an output folder that cannot be written, its own
/// deadline, a cancellation): the engine is fine and another engine would fail the same way, so it is not
/// retried. <see cref="Code"/> is the control protocol's error code.
/// </summary>
public sealed class EngineJobException(string code, string message, Exception? inner = null) : Exception(message, inner)
{
    public string Code { get; } = code;
}

/// <summary>An engine could not be started: it exited, failed or did not become ready in time.</summary>
public sealed class EngineStartException(string engineId, string reason, Exception? inner = null)
    : Exception($"engine {engineId} did not start: {reason}", inner)
{
    public string EngineId { get; } = engineId;

    public string Reason { get; } = reason;
}
