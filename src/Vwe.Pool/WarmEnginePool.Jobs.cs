using System.Diagnostics;
using Vwe.Engines;
using Vwe.Engines.Jobs;
using Vwe.Engines.Lifecycle;

namespace Vwe.Pool;

/// <summary>
/// Whole jobs: borrow an engine, do the work, reset it, give it back. When the engine fails mid-job (it died,
/// hung, or could not load the world: the fast-restart fallback), it is replaced and the job runs again on
/// another engine, up to <see cref="PoolOptions.MaxAttempts"/> tries. A job's own error is not retried.
/// </summary>
public sealed partial class WarmEnginePool
{
    /// <summary>Exports one world; the result equals an in-process export byte for byte, whichever engine did it.</summary>
    public Task<ExportOutcome> ExportAsync(ExportJob job, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return RunAsync(
            job.Seed,
            (engine, token) => engine.ExportAsync(job, progress, token),
            outcome => outcome.LoadTime + outcome.ExportTime,
            isExport: true,
            cancellationToken);
    }

    /// <summary>Samples points of one world inline (point queries, map tiles).</summary>
    public Task<SampleResult> SampleAsync(SampleJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        return RunAsync(
            job.Seed,
            (engine, token) => engine.SampleAsync(job, token),
            result => result.LoadTime + result.SampleTime,
            isExport: false,
            cancellationToken);
    }

    /// <summary>
    /// Runs <paramref name="work"/> on a pooled engine with retries; <paramref name="engineTime"/> is the engine's own
    /// share, for the overhead metric; only exports count towards an engine's retirement.
    /// </summary>
    private async Task<T> RunAsync<T>(
        int seed, Func<Engine, CancellationToken, Task<T>> work, Func<T, TimeSpan> engineTime, bool isExport, CancellationToken cancellationToken)
    {
        using var jobCancellation = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, closing.Token);
        CancellationToken token = jobCancellation.Token;
        for (int attempt = 1; ; attempt++)
        {
            var clock = Stopwatch.StartNew();
            EngineLease lease = await AcquireAsync(seed, cancellationToken).ConfigureAwait(false);
            try
            {
                T result = await work(lease.Engine, token).ConfigureAwait(false);
                if (isExport)
                {
                    lease.CountExport();
                }

                Metrics.JobFinished("succeeded", clock.Elapsed - engineTime(result));
                ResetThenReturn(lease);
                return result;
            }
            catch (EngineFailedException exception) when (attempt < options.MaxAttempts && !token.IsCancellationRequested)
            {
                Metrics.Retried(lease.Engine.Id, exception.Reason);
                await lease.DisposeAsync().ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is EngineJobException or OperationCanceledException)
            {
                Metrics.JobFinished(exception is EngineJobException ? "failed" : "cancelled", null);
                ResetThenReturn(lease);
                throw;
            }
            catch
            {
                Metrics.JobFinished("failed", null);
                await lease.DisposeAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>
    /// Resets the engine after its job and gives it back, in the background: the caller has its answer one round
    /// trip sooner, and the engine is lent to nobody until it is clean.
    /// </summary>
    private void ResetThenReturn(EngineLease lease)
    {
        lease.EndJob();
        _ = Task.Run(async () =>
        {
            try
            {
                await ResetAsync(lease.Engine).ConfigureAwait(false);
            }
            catch (Exception exception)
            {
                lease.Engine.MarkUnhealthy($"reset after a job failed: {exception.Message}");
            }

            // Whatever the reset did, the engine goes back: Return retires it unless it is Ready.
            await lease.DisposeAsync().ConfigureAwait(false);
        });
    }

    /// <summary>Resets an engine after its job (done or failed on its own terms). If even that fails it is broken.</summary>
    private async Task ResetAsync(Engine engine)
    {
        if (!EngineTransitions.IsBusy(engine.State))
        {
            return;
        }

        using var limit = new CancellationTokenSource(options.StopGrace + options.StopGrace);
        try
        {
            await engine.ResetAsync(limit.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is EngineFailedException or EngineJobException or OperationCanceledException)
        {
            engine.MarkUnhealthy($"reset after a job failed: {exception.Message}");
        }
    }
}
