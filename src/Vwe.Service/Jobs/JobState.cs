namespace Vwe.Service.Jobs;

/// <summary>Where a job is. The lower-case names are stored in jobs.db and returned by the API: never rename one.</summary>
public enum JobState
{
    Queued,
    Running,
    Succeeded,
    Failed,
    Cancelled,
}

public static class JobStateNames
{
    public static string Name(JobState state) => state switch
    {
        JobState.Queued => "queued",
        JobState.Running => "running",
        JobState.Succeeded => "succeeded",
        JobState.Failed => "failed",
        JobState.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "unknown job state"),
    };

    public static JobState Parse(string name) => name switch
    {
        "queued" => JobState.Queued,
        "running" => JobState.Running,
        "succeeded" => JobState.Succeeded,
        "failed" => JobState.Failed,
        "cancelled" => JobState.Cancelled,
        _ => throw new FormatException($"job state '{name}' in jobs.db is not one of queued, running, succeeded, failed, cancelled"),
    };

    /// <summary>Succeeded, failed and cancelled jobs never change again.</summary>
    public static bool IsFinished(JobState state) => state is JobState.Succeeded or JobState.Failed or JobState.Cancelled;
}
