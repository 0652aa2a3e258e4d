using System.Diagnostics;
using Vwe.Engines;
using Vwe.Engines.Lifecycle;

namespace Vwe.Pool;

/// <summary>
/// A pool of started engines, kept ready so a job never pays start-up (the earlier system's "warm engine
/// pool", done right). Engines are lent first come, first served, one job each, preferring an engine that has
/// the job's world loaded; at most <see cref="PoolOptions.MaxConcurrentJobs"/> at once. Engines that die or stop
/// answering pings are replaced, never repaired; engines retire after a number of jobs or an age with jitter.
/// Split by concern: lending here, starting and replacing in <c>.Engines</c>, pings in <c>.Health</c>,
/// jobs with retries in <c>.Jobs</c>, shutdown in <c>.Shutdown</c>. One lock guards the pool's lists; engine
/// calls never happen under it.
/// </summary>
public sealed partial class WarmEnginePool : IAsyncDisposable
{
    private readonly PoolOptions options;
    private readonly EngineFactory factory;
    private readonly TimeProvider time;
    private readonly RetirementPolicy retirement;
    private readonly Lock gate = new();
    private readonly List<PooledEngine> engines = [];
    private readonly LinkedList<Waiter> waiters = new();
    private readonly CancellationTokenSource closing = new();
    private int busy;
    private bool closed;

    /// <param name="options">Validated here; an inconsistent setting throws <see cref="ArgumentException"/>.</param>
    /// <param name="createEngine">Makes the Nth engine (1-based), not yet started: a process, in-process or container engine.</param>
    public WarmEnginePool(PoolOptions options, Func<int, Engine> createEngine, TimeProvider? time = null)
        : this(options, EngineFactory.From(createEngine), time)
    {
    }

    /// <param name="options">Validated here; an inconsistent setting throws <see cref="ArgumentException"/>.</param>
    /// <param name="factory">Makes the engines; prepared when the pool starts, disposed with the pool (after its engines).</param>
    public WarmEnginePool(PoolOptions options, EngineFactory factory, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(factory);
        options.Validate();
        this.options = options;
        this.factory = factory;
        this.time = time ?? TimeProvider.System;
        retirement = new RetirementPolicy(options, this.time);
        Metrics = new PoolMetrics(this);
    }

    public PoolOptions Options => options;

    public PoolMetrics Metrics { get; }

    /// <summary>
    /// Lends a Ready engine, waiting (first come, first served) up to <see cref="PoolOptions.AcquireTimeout"/>
    /// for one to be free. With <paramref name="seed"/>, an engine that has that world loaded is preferred.
    /// Throws <see cref="PoolTimeoutException"/>, <see cref="EnginesCannotStartException"/>,
    /// <see cref="PoolClosedException"/> or <see cref="OperationCanceledException"/>.
    /// </summary>
    public async Task<EngineLease> AcquireAsync(int? seed, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var waiter = new Waiter(seed);
        lock (gate)
        {
            ObjectDisposedException.ThrowIf(closed, this);
            ThrowIfCannotStart();
            waiter.Node = waiters.AddLast(waiter);
        }

        Dispatch();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(options.AcquireTimeout);
        PooledEngine pooled;
        try
        {
            pooled = await waiter.Granted.Task.WaitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (Withdraw(waiter))
        {
            cancellationToken.ThrowIfCancellationRequested();
            throw new PoolTimeoutException(TimeoutMessage());
        }
        catch (OperationCanceledException)
        {
            // Granted at the same moment as the timeout or cancellation: take it, so it is not lost.
            pooled = await waiter.Granted.Task.ConfigureAwait(false);
        }

        Metrics.AcquireWait.Record(clock.Elapsed.TotalSeconds);
        return new EngineLease(this, pooled, clock.Elapsed);
    }

    /// <summary>What every engine is doing now, for status pages and tests.</summary>
    public IReadOnlyList<EngineSnapshot> Snapshot()
    {
        lock (gate)
        {
            return [.. engines.Select(pooled => new EngineSnapshot(
                pooled.Engine.Id, pooled.Engine.Kind, pooled.Engine.State, pooled.Leased, pooled.Engine.LoadedWorlds,
                pooled.Engine.JobsDone, pooled.Engine.CreatedUtc, (pooled.Engine.Info?.ProcessId)))];
        }
    }

    /// <summary>Counts by state, starting engines included (for the engines gauge).</summary>
    internal Dictionary<EngineState, int> CountByState()
    {
        lock (gate)
        {
            var counts = Enum.GetValues<EngineState>().ToDictionary(state => state, _ => 0);
            foreach (PooledEngine pooled in engines)
            {
                counts[pooled.Engine.State]++;
            }

            counts[EngineState.Starting] += starting;
            return counts;
        }
    }

    /// <summary>Takes an engine back from a lease: keeps it, or retires or replaces it.</summary>
    internal void Return(PooledEngine pooled)
    {
        string? retire;
        bool stopForClose;
        lock (gate)
        {
            ReleaseJobSlotLocked(pooled);
            pooled.Leased = false;
            retire = pooled.Removed ? null
                : pooled.Engine.State != EngineState.Ready ? $"left in state {pooled.Engine.State}"
                : retirement.Reason(pooled);

            // A healthy engine given back while the pool closes is stopped, not replaced: no restart to count.
            stopForClose = retire is null && !pooled.Removed && closed;
            if (retire is not null || stopForClose)
            {
                Detach(pooled);
            }
        }

        if (retire is not null)
        {
            StopInBackground(pooled, retire);
        }
        else if (stopForClose)
        {
            StopWithoutReplacing(pooled);
        }

        SignalIfDrained();
        Dispatch();
    }

    /// <summary>
    /// The lent engine's job is over though the engine is still lent (being reset): another job may start on
    /// another engine. Resetting takes no CPU worth counting, and the next job should not wait for its round trip.
    /// </summary>
    internal void ReleaseJobSlot(PooledEngine pooled)
    {
        lock (gate)
        {
            ReleaseJobSlotLocked(pooled);
        }

        SignalIfDrained();
        Dispatch();
    }

    private void ReleaseJobSlotLocked(PooledEngine pooled)
    {
        if (pooled.HoldsJobSlot)
        {
            pooled.HoldsJobSlot = false;
            busy--;
        }
    }

    /// <summary>
    /// Hands free engines to waiters in arrival order while jobs-at-once allow, each waiter getting an engine
    /// with its world loaded if one is free; then starts engines the pool lacks.
    /// </summary>
    private void Dispatch()
    {
        List<(Waiter Waiter, PooledEngine Engine)> grants = [];
        lock (gate)
        {
            while (waiters.First is { } first && busy < options.MaxConcurrentJobs && PickIdle(first.Value.Seed) is { } pooled)
            {
                waiters.RemoveFirst();
                pooled.Leased = true;
                pooled.HoldsJobSlot = true;
                busy++;
                grants.Add((first.Value, pooled));
            }
        }

        foreach ((Waiter waiter, PooledEngine pooled) in grants)
        {
            if (!waiter.Granted.TrySetResult(pooled))
            {
                // The waiter gave up in between (Withdraw found it already removed): give the engine back.
                Return(pooled);
            }
        }

        StartMissingEngines();
    }

    /// <summary>A free Ready engine, one with <paramref name="seed"/> loaded first. Under the lock.</summary>
    private PooledEngine? PickIdle(int? seed)
    {
        PooledEngine? any = null;
        bool resetting = false;
        foreach (PooledEngine pooled in engines)
        {
            bool hasWorld = seed is { } wanted && pooled.Engine.HasLoaded(wanted);
            if (pooled.Leased || pooled.Removed || pooled.Engine.State != EngineState.Ready)
            {
                resetting |= hasWorld && pooled.Leased && !pooled.HoldsJobSlot;
                continue;
            }

            if (hasWorld)
            {
                return pooled;
            }

            any ??= pooled;
        }

        // The engine with the world is being reset after its job: worth the moment's wait rather than a load elsewhere.
        return resetting ? null : any;
    }

    /// <summary>Removes a waiter that gave up; false when it was granted an engine just before.</summary>
    private bool Withdraw(Waiter waiter)
    {
        lock (gate)
        {
            if (waiter.Node?.List is null)
            {
                return false;
            }

            waiters.Remove(waiter.Node);
            return true;
        }
    }

    private string TimeoutMessage()
    {
        lock (gate)
        {
            return $"no engine was free within {options.AcquireTimeout.TotalSeconds:0.###} s: {busy} of at most {options.MaxConcurrentJobs} jobs running, " +
                $"{engines.Count} engines alive (max {options.MaxEngines}), {starting} starting, {waiters.Count} requests waiting. " +
                "Raise the number of engines or the acquire timeout, or send fewer requests at once.";
        }
    }

    private sealed class Waiter(int? seed)
    {
        public int? Seed { get; } = seed;

        public LinkedListNode<Waiter>? Node { get; set; }

        public TaskCompletionSource<PooledEngine> Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
