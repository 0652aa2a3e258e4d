using Vwe.Service.Cache;

namespace Vwe.Service.Jobs;

/// <summary>What became of a world request: a new job, an existing job joined, or the world already cached.</summary>
public sealed record Submission(SubmissionResult Result, string JobId, string WorldKey, JobState State)
{
    public static Submission For(SubmissionResult result, JobRecord job) => new(result, job.Id, job.WorldKey, job.State);

    public static Submission Cached(CachedWorld world) => new(SubmissionResult.Cached, world.JobId, world.WorldKey, JobState.Succeeded);
}

public enum SubmissionResult
{
    Created,
    Joined,
    Cached,
}

/// <summary>The queue holds <see cref="MaxQueued"/> jobs already: the request is refused, nothing stored.</summary>
public sealed class QueueFullException(int maxQueued)
    : Exception($"{maxQueued} jobs are already queued, the limit (vwe serve --max-queued); retry later")
{
    public int MaxQueued { get; } = maxQueued;
}
