using Vwe.Engines.Jobs;
using Vwe.Engines.Lifecycle;
using Vwe.Protocol;

namespace Vwe.Engines;

/// <summary>
/// The engine contract, whatever the kind: start, load, export, sample, reset, ping, stop. This class drives
/// the lifecycle (<see cref="EngineLifecycle"/>) around the kind's own transport (the <c>…CoreAsync</c> methods),
/// so every kind moves through the same checked states:
/// Ready → (Generating →) Exporting → Resetting → Ready. A failure of the engine itself
/// (<see cref="EngineFailedException"/>) marks it Unhealthy; a failure of the job (<see cref="EngineJobException"/>)
/// leaves it usable once reset. One job at a time: whoever holds the engine (the pool) calls these in order.
/// </summary>
public abstract class Engine : IAsyncDisposable
{
    private int[] loadedWorlds = [];
    private long jobsDone;
    private int disposed;

    protected Engine(string id, EngineKind kind, TimeProvider? time)
    {
        Id = id;
        Kind = kind;
        Time = time ?? TimeProvider.System;
        Lifecycle = new EngineLifecycle(id, Time);
        CreatedUtc = Time.GetUtcNow();
    }

    public string Id { get; }

    public EngineKind Kind { get; }

    public EngineLifecycle Lifecycle { get; }

    public EngineState State => Lifecycle.State;

    /// <summary>The handshake's facts; null until started.</summary>
    public EngineInfo? Info { get; private set; }

    public DateTimeOffset CreatedUtc { get; }

    /// <summary>Jobs finished (reset after) by this engine.</summary>
    public long JobsDone => Interlocked.Read(ref jobsDone);

    /// <summary>The worlds the engine keeps loaded, most recent first, as of its last answer.</summary>
    public IReadOnlyList<int> LoadedWorlds => Volatile.Read(ref loadedWorlds);

    protected TimeProvider Time { get; }

    public bool HasLoaded(int seed) => Array.IndexOf(Volatile.Read(ref loadedWorlds), seed) >= 0;

    /// <summary>Starts the engine and waits for its handshake (it warms up first): Starting → Ready.</summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            Info = await StartCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            Lifecycle.MarkStopped(exception.Message);
            await StopAsync(TimeSpan.Zero).ConfigureAwait(false);
            if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }

            throw exception as EngineStartException ?? new EngineStartException(Id, exception.Message, exception);
        }

        Lifecycle.MoveTo(EngineState.Ready);
    }

    /// <summary>
    /// Loads a world: Ready → Generating, where the engine stays until the export, sample or reset that follows.
    /// Any failure to load is the engine's (the fast-restart rule): it is marked Unhealthy. The one exception is
    /// the job's own <paramref name="deadline"/> running out: that is the job's error (deadline-exceeded), as it
    /// would be on any other engine, and the engine stays usable once reset.
    /// </summary>
    public async Task<WorldLoad> LoadAsync(int seed, TimeSpan? deadline, CancellationToken cancellationToken)
    {
        MoveToJobState(EngineState.Generating);
        WorldLoad load;
        try
        {
            load = await LoadCoreAsync(seed, deadline, cancellationToken).ConfigureAwait(false);
        }
        catch (EngineJobException exception) when (!(deadline is not null && exception.Code == ErrorCodes.DeadlineExceeded))
        {
            throw Failed($"loading world {seed} failed: {exception.Message}", exception);
        }
        catch (EngineFailedException exception)
        {
            throw Failed(exception.Reason, exception);
        }

        NoteLoaded(seed);
        if (!load.Cached)
        {
            EngineMetrics.LoadDuration.Record(load.Duration.TotalSeconds, KindTag);
        }

        return load;
    }

    /// <summary>Exports a world, loading it first unless this engine still has it: (Generating →) Exporting.</summary>
    public async Task<ExportOutcome> ExportAsync(ExportJob job, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        TimeSpan load = await EnsureLoadedAsync(job.Seed, job.Deadline, cancellationToken).ConfigureAwait(false);
        MoveToJobState(EngineState.Exporting);
        ExportOutcome outcome = await Guard(ExportCoreAsync(job, progress, cancellationToken)).ConfigureAwait(false);
        EngineMetrics.ExportDuration.Record(outcome.ExportTime.TotalSeconds, KindTag);
        return outcome with { LoadTime = load + outcome.LoadTime };
    }

    /// <summary>Samples a world inline, loading it first unless this engine still has it: (Generating →) Exporting.</summary>
    public async Task<SampleResult> SampleAsync(SampleJob job, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(job);
        TimeSpan load = await EnsureLoadedAsync(job.Seed, job.Deadline, cancellationToken).ConfigureAwait(false);
        MoveToJobState(EngineState.Exporting);
        SampleResult result = await Guard(SampleCoreAsync(job, cancellationToken)).ConfigureAwait(false);
        EngineMetrics.SampleDuration.Record(result.SampleTime.TotalSeconds, KindTag);
        return result with { LoadTime = load + result.LoadTime };
    }

    /// <summary>Ends a job, whatever its outcome: Resetting → Ready, keeping the loaded worlds.</summary>
    public async Task ResetAsync(CancellationToken cancellationToken)
    {
        Lifecycle.MoveTo(EngineState.Resetting);
        int[] worlds = await Guard(ResetCoreAsync(cancellationToken)).ConfigureAwait(false);
        Volatile.Write(ref loadedWorlds, worlds);
        Interlocked.Increment(ref jobsDone);
        Lifecycle.MoveTo(EngineState.Ready);
    }

    /// <summary>
    /// Asks the engine how it is; answered at once, even mid-job. There is no time limit: a caller bounds the wait
    /// with <paramref name="cancellationToken"/> (or WaitAsync) and decides what a late answer means.
    /// </summary>
    public Task<EnginePing> PingAsync(CancellationToken cancellationToken) => PingCoreAsync(cancellationToken);

    /// <summary>Marks the engine broken (a health check's verdict); the owner then disposes it.</summary>
    public void MarkUnhealthy(string reason) => Lifecycle.TryMarkUnhealthy(reason);

    /// <summary>Stops the engine: a polite shutdown within <paramref name="grace"/>, then a kill; always reaped.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        try
        {
            await StopCoreAsync(grace).ConfigureAwait(false);
        }
        finally
        {
            Lifecycle.MarkStopped("stopped");
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        GC.SuppressFinalize(this);
    }

    /// <summary>Completes when the engine is gone (its process exited, its connection closed), expected or not.</summary>
    public abstract Task Exited { get; }

    protected abstract Task<EngineInfo> StartCoreAsync(CancellationToken cancellationToken);

    protected abstract Task<WorldLoad> LoadCoreAsync(int seed, TimeSpan? deadline, CancellationToken cancellationToken);

    protected abstract Task<ExportOutcome> ExportCoreAsync(ExportJob job, IProgress<double>? progress, CancellationToken cancellationToken);

    protected abstract Task<SampleResult> SampleCoreAsync(SampleJob job, CancellationToken cancellationToken);

    /// <summary>Returns the seeds the engine keeps loaded after the reset.</summary>
    protected abstract Task<int[]> ResetCoreAsync(CancellationToken cancellationToken);

    protected abstract Task<EnginePing> PingCoreAsync(CancellationToken cancellationToken);

    /// <summary>Ends the engine and releases everything it holds; must work in any state and more than once.</summary>
    protected abstract Task StopCoreAsync(TimeSpan grace);

    /// <summary>For kinds whose answers carry the loaded worlds.</summary>
    protected void NoteLoadedWorlds(int[] seeds) => Volatile.Write(ref loadedWorlds, seeds);

    private KeyValuePair<string, object?> KindTag => new("kind", EngineKindNames.Name(Kind));

    private async Task<TimeSpan> EnsureLoadedAsync(int seed, TimeSpan? deadline, CancellationToken cancellationToken)
    {
        if (HasLoaded(seed))
        {
            return TimeSpan.Zero;
        }

        return (await LoadAsync(seed, deadline, cancellationToken).ConfigureAwait(false)).Duration;
    }

    /// <summary>
    /// Moves a job on (to Generating or Exporting). An engine found Unhealthy here broke after its owner took it
    /// (its process exited while idle, or between the load and the export): the engine's failure, so the job may
    /// be retried on another one. Any other refused move (a job on a stopped engine) is the caller's bug.
    /// </summary>
    private void MoveToJobState(EngineState to)
    {
        if (!Lifecycle.TryMoveTo(to, out EngineState from))
        {
            throw from == EngineState.Unhealthy
                ? new EngineFailedException(Id, $"it was already {from} when the job reached it")
                : new IllegalTransitionException(Id, from, to);
        }
    }

    private void NoteLoaded(int seed)
    {
        int[] current = Volatile.Read(ref loadedWorlds);
        Volatile.Write(ref loadedWorlds, [seed, .. current.Where(other => other != seed)]);
    }

    private async Task<T> Guard<T>(Task<T> work)
    {
        try
        {
            return await work.ConfigureAwait(false);
        }
        catch (EngineFailedException exception)
        {
            throw Failed(exception.Reason, exception);
        }
    }

    private EngineFailedException Failed(string reason, Exception inner)
    {
        Lifecycle.TryMarkUnhealthy(reason);
        return inner as EngineFailedException ?? new EngineFailedException(Id, reason, inner);
    }
}
