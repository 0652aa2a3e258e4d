using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Vwe.Engines;
using Vwe.Engines.Jobs;
using Vwe.Maps.Export;
using Vwe.Pool;
using Vwe.Service.Cache;

namespace Vwe.Service.Jobs;

/// <summary>
/// Runs queued jobs on the warm engine pool, as many at once as the pool runs jobs, one job per world at a time
/// (an export replaces the world's folder as a whole). A job exports the union of what it asks for and what the
/// cache already holds for its world, straight into the cache folder (the exporter stages it in a sibling folder
/// and renames it into place), then indexes it and evicts to fit. Engine failures the pool could not absorb
/// requeue the job until <see cref="MaxAttempts"/>; a cancel request stops it; a stop lets running jobs finish
/// for the drain time, then puts them back in the queue.
/// </summary>
public sealed class JobRunner(JobStore store, WorldCache cache, WarmEnginePool pool, ServiceMetrics metrics, TimeProvider time, ILogger logger) : IDisposable
{
    /// <summary>Runs of one job at most, counting runs cut short by a restart of the service.</summary>
    public const int MaxAttempts = 3;

    /// <summary>How often an idle worker looks at the queue without being woken (a safety net, not the signal).</summary>
    private static readonly TimeSpan IdlePoll = TimeSpan.FromSeconds(2);

    private readonly Lock gate = new();
    private readonly HashSet<string> busyWorlds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RunningJob> running = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim wake = new(0);
    private readonly CancellationTokenSource stopping = new();
    private readonly CancellationTokenSource abort = new();
    private Task[] workers = [];

    /// <summary>Starts one worker per job the pool runs at once; they take jobs once <paramref name="poolReady"/> completes.</summary>
    public void Start(Task poolReady)
    {
        workers = [.. Enumerable.Range(0, pool.Options.MaxConcurrentJobs).Select(_ => Task.Run(() => WorkAsync(poolReady)))];
    }

    /// <summary>A job was queued or a world became free: let a worker look.</summary>
    public void Wake() => wake.Release();

    /// <summary>Asks a running job to stop; it ends as cancelled. False when this runner is not running it.</summary>
    public bool TryCancel(string jobId)
    {
        lock (gate)
        {
            if (!running.TryGetValue(jobId, out RunningJob? job))
            {
                return false;
            }

            job.CancelledByRequest = true;
            job.Cancellation.Cancel();
            return true;
        }
    }

    /// <summary>
    /// Takes no new job; running ones get <paramref name="drain"/> to finish, then are cancelled and queued again
    /// (the next start runs them).
    /// </summary>
    public async Task StopAsync(TimeSpan drain)
    {
        await stopping.CancelAsync().ConfigureAwait(false);
        Task all = Task.WhenAll(workers);
        await all.WaitAsync(drain).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await abort.CancelAsync().ConfigureAwait(false);
        await all.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    private async Task WorkAsync(Task poolReady)
    {
        try
        {
            await poolReady.WaitAsync(stopping.Token).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Stopping, or the pool never started (logged where it is started): queued jobs stay queued.
            return;
        }

        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (Claim() is { } claimed)
                {
                    await RunAsync(claimed.Job, claimed.Running).ConfigureAwait(false);
                    continue;
                }

                await wake.WaitAsync(IdlePoll, stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The store failed (disk full, file removed): keep the worker alive and try again shortly.
                logger.RunnerError(exception.Message, exception);
                await Task.Delay(IdlePoll, time, stopping.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private (JobRecord Job, RunningJob Running)? Claim()
    {
        lock (gate)
        {
            if (store.ClaimNext(busyWorlds) is not { } job)
            {
                return null;
            }

            var runningJob = new RunningJob(CancellationTokenSource.CreateLinkedTokenSource(abort.Token));
            busyWorlds.Add(job.WorldKey);
            running.Add(job.Id, runningJob);
            return (job, runningJob);
        }
    }

    private async Task RunAsync(JobRecord job, RunningJob runningJob)
    {
        var clock = Stopwatch.StartNew();
        metrics.Started();
        logger.JobRunning(job.Id, job.Attempts, job.WorldKey);
        string? outcome = null;
        try
        {
            using WorldUse use = cache.Use(job.World);
            CachedWorld world = await ExportAsync(job, runningJob.Cancellation.Token).ConfigureAwait(false);
            store.Finish(job.Id, JobState.Succeeded);
            outcome = "succeeded";
            logger.JobSucceeded(job.Id, clock.Elapsed.TotalSeconds, job.WorldKey, CacheSize.Format(world.Bytes));
        }
        catch (OperationCanceledException) when (runningJob.CancelledByRequest)
        {
            outcome = Fail(job, JobState.Cancelled, new JobError(JobErrorCodes.Cancelled, "cancelled by request while running"));
        }
        catch (Exception exception) when (exception is OperationCanceledException or PoolClosedException && stopping.IsCancellationRequested)
        {
            Requeue(job, "the service is stopping");
        }
        catch (EngineJobException exception)
        {
            outcome = Fail(job, JobState.Failed, new JobError(exception.Code, exception.Message));
        }
        catch (Exception exception) when (exception is EngineFailedException or EngineStartException or PoolTimeoutException or EnginesCannotStartException)
        {
            if (job.Attempts < MaxAttempts)
            {
                Requeue(job, $"attempt {job.Attempts} of {MaxAttempts} failed: {exception.Message}");
            }
            else
            {
                outcome = Fail(job, JobState.Failed, new JobError(JobErrorCodes.EngineFailed, $"{MaxAttempts} attempts failed; the last: {exception.Message}"));
            }
        }
        catch (Exception exception)
        {
            outcome = Fail(job, JobState.Failed, new JobError(JobErrorCodes.Internal, exception.Message));
        }
        finally
        {
            lock (gate)
            {
                busyWorlds.Remove(job.WorldKey);
                running.Remove(job.Id);
            }

            runningJob.Cancellation.Dispose();
            metrics.Ended(outcome, outcome == "succeeded" ? clock.Elapsed : null);
            Wake();
        }

        if (outcome == "succeeded")
        {
            cache.EvictToFit(keep: job.WorldKey);
        }
    }

    /// <summary>The world with everything <paramref name="job"/> asks for: already cached, or exported now.</summary>
    private async Task<CachedWorld> ExportAsync(JobRecord job, CancellationToken cancellationToken)
    {
        CachedWorld? cached = cache.Find(job.WorldKey);
        if (cached is not null && job.World.IsCoveredBy(cached.Formats, cached.Layers))
        {
            return cached;
        }

        // The folder is replaced as a whole, so keep what it holds: files of a world key never change, only grow.
        ExportFormats formats = job.Formats | (cached?.Formats ?? ExportFormats.None);
        var layers = job.Layers | (cached?.Layers ?? Maps.Grid.GridLayers.None);

        // No seed text: the files depend on the world key alone, whichever text (or int) asked first.
        var export = new ExportJob(job.World.Seed, null, job.World.Grid, formats, layers, cache.FolderFor(job.World));
        ExportOutcome result = await pool.ExportAsync(export, new ProgressWriter(store, job.Id, time), cancellationToken).ConfigureAwait(false);
        return cache.Commit(job.World, formats, layers, result.Files, job.Id);
    }

    private string? Fail(JobRecord job, JobState state, JobError error)
    {
        if (!store.Finish(job.Id, state, error))
        {
            return null;
        }

        if (state == JobState.Cancelled)
        {
            logger.JobCancelled(job.Id);
            return "cancelled";
        }

        logger.JobFailed(job.Id, error.Code, error.Message);
        return "failed";
    }

    private void Requeue(JobRecord job, string reason)
    {
        store.Requeue(job.Id);
        logger.JobRequeued(job.Id, reason);
    }

    public void Dispose()
    {
        wake.Dispose();
        stopping.Dispose();
        abort.Dispose();
    }

    private sealed class RunningJob(CancellationTokenSource cancellation)
    {
        public CancellationTokenSource Cancellation { get; } = cancellation;

        public bool CancelledByRequest { get; set; }
    }
}
