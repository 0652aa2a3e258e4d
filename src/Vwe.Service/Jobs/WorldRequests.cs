using Microsoft.Extensions.Logging;
using Vwe.Maps.Export;
using Vwe.Service.Cache;

namespace Vwe.Service.Jobs;

/// <summary>
/// Turns a world request into a job, at most once per world: a world the cache holds with everything asked for is
/// a hit (no job); a queued or running job that writes at least what is asked for is joined (same job id);
/// otherwise a new job is queued, unless the queue is full. One lock makes check-then-insert atomic, so identical
/// concurrent requests join one job.
/// </summary>
public sealed class WorldRequests(JobStore store, WorldCache cache, JobRunner runner, ServiceMetrics metrics, int maxQueued, ILogger logger)
{
    private readonly Lock gate = new();

    public int MaxQueued => maxQueued;

    /// <summary>Throws <see cref="QueueFullException"/> when a new job would be needed and the queue is full.</summary>
    public Submission Submit(WorldSpec world)
    {
        ArgumentNullException.ThrowIfNull(world);
        Submission submission = SubmitUnderLock(world);
        metrics.Submitted(submission.Result.ToString().ToLowerInvariant());
        if (submission.Result == SubmissionResult.Created)
        {
            logger.JobQueued(submission.JobId, submission.WorldKey, ExportFormatNames.Format(world.Formats));
            runner.Wake();
        }

        return submission;
    }

    private Submission SubmitUnderLock(WorldSpec world)
    {
        lock (gate)
        {
            if (cache.Find(world.WorldKey) is { } cached && world.IsCoveredBy(cached.Formats, cached.Layers))
            {
                cache.Touch(cached.WorldKey);
                return Submission.Cached(cached);
            }

            if (store.FindActive(world) is { } active)
            {
                return Submission.For(SubmissionResult.Joined, active);
            }

            if (store.Count(JobState.Queued) >= maxQueued)
            {
                throw new QueueFullException(maxQueued);
            }

            JobRecord job = JobRecord.Queue(world, store.UtcNow);
            store.Insert(job);
            return Submission.For(SubmissionResult.Created, job);
        }
    }
}
