using Vwe.Maps.Export;
using Vwe.Maps.Grid;

namespace Vwe.Service.Jobs;

/// <summary>One job as the store holds it. Times are UTC.</summary>
public sealed record JobRecord(
    string Id,
    WorldSpec World,
    JobState State,
    double Progress,
    int Attempts,
    JobError? Error,
    DateTime CreatedUtc,
    DateTime? StartedUtc,
    DateTime? FinishedUtc)
{
    public string WorldKey => World.WorldKey;

    public ExportFormats Formats => World.Formats;

    public GridLayers Layers => World.Layers;

    /// <summary>A new queued job for <paramref name="world"/>, with a fresh time-ordered id (32 hex digits).</summary>
    public static JobRecord Queue(WorldSpec world, DateTime nowUtc) =>
        new(Guid.CreateVersion7().ToString("N"), world, JobState.Queued, 0, 0, null, nowUtc, null, null);
}

/// <summary>Why a job failed: a stable code (<see cref="JobErrorCodes"/>) and a one-line message.</summary>
public sealed record JobError(string Code, string Message);

/// <summary>The codes of <see cref="JobError"/>: engine protocol codes pass through; these are the service's own.</summary>
public static class JobErrorCodes
{
    /// <summary>Engines kept failing (crashed, hung, could not start) on every attempt.</summary>
    public const string EngineFailed = "engine-failed";

    /// <summary>Cancelled by a DELETE.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>Anything unexpected: a bug, reported with its message.</summary>
    public const string Internal = "internal";
}
