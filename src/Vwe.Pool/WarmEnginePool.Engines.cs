using Vwe.Engines;
using Vwe.Engines.Lifecycle;

namespace Vwe.Pool;

/// <summary>Starting engines, replacing lost ones, and backing off when they will not start.</summary>
public sealed partial class WarmEnginePool
{
    private readonly TaskCompletionSource filled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int starting;
    private int spawned;
    private int consecutiveStartFailures;
    private Exception? lastStartFailure;
    private readonly List<Task> stopping = [];

    /// <summary>
    /// Starts the ready buffer (<see cref="PoolOptions.MinReady"/> engines, in parallel) and waits until it is
    /// full. Throws <see cref="EnginesCannotStartException"/> when engines keep failing to start, or when the
    /// engine factory cannot prepare (e.g. no Docker daemon answers).
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await factory.PrepareAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new EnginesCannotStartException(exception.Message, exception);
        }

        StartHealthChecks();
        StartMissingEngines();
        lock (gate)
        {
            if (options.MinReady == 0)
            {
                filled.TrySetResult();
            }
        }

        await filled.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Starts as many engines as the pool lacks: the ready buffer, plus one per waiting request that jobs-at-once
    /// would let run, never more than <see cref="PoolOptions.MaxEngines"/>.
    /// </summary>
    private void StartMissingEngines()
    {
        int toStart;
        TimeSpan delay;
        lock (gate)
        {
            if (closed)
            {
                return;
            }

            int demand = Math.Min(busy + waiters.Count, options.MaxConcurrentJobs);
            int target = Math.Min(options.MaxEngines, Math.Max(options.MinReady, demand));
            toStart = target - engines.Count - starting;
            if (toStart <= 0)
            {
                return;
            }

            starting += toStart;
            delay = Backoff();
        }

        for (int i = 0; i < toStart; i++)
        {
            _ = Task.Run(() => StartOneAsync(delay));
        }
    }

    private async Task StartOneAsync(TimeSpan delay)
    {
        Engine? engine = null;
        try
        {
            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, time, closing.Token).ConfigureAwait(false);
            }

            engine = factory.Create(Interlocked.Increment(ref spawned));
            await engine.StartAsync(closing.Token).ConfigureAwait(false);
        }
        catch (Exception exception)
        {
            // Whatever went wrong (the engine's own start failure, a cancelled start while closing, a factory
            // that threw), the start is over: count it, so the pool neither waits for it nor stops retrying.
            if (engine is not null)
            {
                await engine.DisposeAsync().ConfigureAwait(false);
            }

            OnStartFailed(exception);
            return;
        }

        var pooled = new PooledEngine(engine, retirement.RetireAt(time.GetUtcNow()));
        bool keep;
        lock (gate)
        {
            starting--;
            keep = !closed;
            if (!keep)
            {
                // Closed while it started: stopped with the others, so disposal waits for it too.
                stopping.Add(Task.Run(() => engine.StopAsync(options.StopGrace)));
            }
            else
            {
                consecutiveStartFailures = 0;
                engines.Add(pooled);
                if (engines.Count(candidate => candidate.Engine.State == EngineState.Ready) >= options.MinReady)
                {
                    filled.TrySetResult();
                }
            }
        }

        if (!keep)
        {
            return;
        }

        Metrics.EngineStarted();
        engine.Lifecycle.Changed += change => OnEngineChanged(pooled, change);
        if (engine.State != EngineState.Ready)
        {
            // It died between its handshake and our subscription.
            OnEngineChanged(pooled, new EngineStateChange(engine.Id, EngineState.Ready, engine.State, time.GetUtcNow(), "lost right after starting"));
        }

        Dispatch();
    }

    private void OnStartFailed(Exception exception)
    {
        List<Waiter> failed = [];
        bool cannotStart;
        lock (gate)
        {
            starting--;
            if (closed)
            {
                return;
            }

            consecutiveStartFailures++;
            lastStartFailure = exception;
            cannotStart = consecutiveStartFailures >= options.MaxStartFailures && !engines.Any(pooled => !pooled.Removed);
            if (cannotStart)
            {
                failed.AddRange(waiters);
                waiters.Clear();
            }
        }

        Metrics.StartFailed();
        if (cannotStart)
        {
            var error = CannotStart();
            filled.TrySetException(error);
            foreach (Waiter waiter in failed)
            {
                waiter.Granted.TrySetException(error);
            }
        }

        // Try again after the backoff; the pool never gives up for good, so it recovers once the cause is fixed.
        StartMissingEngines();
    }

    /// <summary>An engine turned Unhealthy or stopped by itself: an idle one is replaced at once; a lent one fails its job, which returns it.</summary>
    private void OnEngineChanged(PooledEngine pooled, EngineStateChange change)
    {
        if (change.To is not (EngineState.Unhealthy or EngineState.Stopped))
        {
            return;
        }

        lock (gate)
        {
            if (pooled.Removed || pooled.Leased)
            {
                return;
            }

            Detach(pooled);
        }

        StopInBackground(pooled, change.Reason ?? change.To.ToString());
        Dispatch();
    }

    /// <summary>Takes an engine out of the pool's lists; under the lock. Its replacement is started by the next dispatch.</summary>
    private void Detach(PooledEngine pooled)
    {
        pooled.Removed = true;
        engines.Remove(pooled);
    }

    private void StopInBackground(PooledEngine pooled, string reason)
    {
        bool failed = pooled.Engine.State is EngineState.Unhealthy or EngineState.Stopped;
        if (!closing.IsCancellationRequested)
        {
            Metrics.EngineReplaced(failed ? "unhealthy" : "recycled", pooled.Engine.Id, reason);
        }

        // A broken engine gets no grace: it is killed at once.
        Task stop = Task.Run(() => pooled.Engine.StopAsync(failed ? TimeSpan.Zero : options.StopGrace));
        lock (gate)
        {
            stopping.Add(stop);
        }
    }

    /// <summary>Stops an engine the pool no longer needs (it is closing), without counting or announcing a replacement.</summary>
    private void StopWithoutReplacing(PooledEngine pooled)
    {
        Task stop = Task.Run(() => pooled.Engine.StopAsync(options.StopGrace));
        lock (gate)
        {
            stopping.Add(stop);
        }
    }

    /// <summary>The wait before the next start: none after a success, then doubling per consecutive failure. Under the lock.</summary>
    private TimeSpan Backoff()
    {
        if (consecutiveStartFailures == 0)
        {
            return TimeSpan.Zero;
        }

        double factor = Math.Pow(2, Math.Min(consecutiveStartFailures - 1, 20));
        return TimeSpan.FromTicks((long)Math.Min(options.StartBackoff.Ticks * factor, options.MaxStartBackoff.Ticks));
    }

    /// <summary>Fails fast while engines cannot start and none is alive, rather than let a request wait for ever. Under the lock.</summary>
    private void ThrowIfCannotStart()
    {
        if (consecutiveStartFailures >= options.MaxStartFailures && !engines.Any(pooled => !pooled.Removed))
        {
            throw CannotStart();
        }
    }

    private EnginesCannotStartException CannotStart() =>
        new($"engines cannot start: {consecutiveStartFailures} starts in a row failed, the last with: {lastStartFailure?.Message}. " +
            "Check the engine command and the machine's memory; the pool keeps retrying with backoff.", lastStartFailure);
}
