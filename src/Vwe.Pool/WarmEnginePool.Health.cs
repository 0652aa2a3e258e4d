using Vwe.Engines.Lifecycle;

namespace Vwe.Pool;

/// <summary>
/// Health checks, as Agones does them: every engine that has started is pinged each
/// <see cref="PoolOptions.HealthInterval"/>, busy ones included (engines answer pings mid-job). A ping still
/// unanswered at the next tick, or failed, is a miss; <see cref="PoolOptions.MaxMissedPings"/> misses in a row make the
/// engine Unhealthy, and it is replaced, not repaired. Idle engines past their lifetime retire here too.
/// </summary>
public sealed partial class WarmEnginePool
{
    private Task? healthChecks;

    private void StartHealthChecks() => healthChecks ??= Task.Run(HealthLoopAsync);

    private async Task HealthLoopAsync()
    {
        using var timer = new PeriodicTimer(options.HealthInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(closing.Token).ConfigureAwait(false))
            {
                CheckAll();
            }
        }
        catch (OperationCanceledException)
        {
            // The pool is closing.
        }
    }

    private void CheckAll()
    {
        List<(PooledEngine Engine, string Reason)> lost = [];
        List<PooledEngine> toPing = [];
        lock (gate)
        {
            // A copy: a retiring engine is detached from the list inside the loop.
            foreach (PooledEngine pooled in engines.ToArray())
            {
                if (pooled.LastPing is { IsCompletedSuccessfully: true })
                {
                    pooled.MissedPings = 0;
                }
                else if (pooled.LastPing is not null)
                {
                    // Unanswered so far, or failed: a ping that timed out has also given up the connection, so
                    // every later ping fails at once; left uncounted, an idle engine would never be replaced.
                    pooled.MissedPings++;
                }

                if (pooled.MissedPings >= options.MaxMissedPings)
                {
                    lost.Add((pooled, $"missed {pooled.MissedPings} pings in a row ({options.HealthInterval.TotalSeconds:0.###} s apart)"));
                }
                else if (!pooled.Leased && retirement.Reason(pooled) is { } retire)
                {
                    Detach(pooled);
                    lost.Add((pooled, retire));
                }
                else if (pooled.LastPing is not { IsCompleted: false })
                {
                    toPing.Add(pooled);
                }
            }
        }

        foreach (PooledEngine pooled in toPing)
        {
            pooled.LastPing = pooled.Engine.PingAsync(closing.Token);
        }

        foreach ((PooledEngine pooled, string reason) in lost)
        {
            if (pooled.Removed)
            {
                StopInBackground(pooled, reason);
                continue;
            }

            // Unhealthy: an idle engine is detached by the state change; a lent one is killed, which fails its
            // job (retried elsewhere) and returns it.
            pooled.Engine.MarkUnhealthy(reason);
            if (pooled.Leased)
            {
                _ = Task.Run(() => pooled.Engine.StopAsync(TimeSpan.Zero));
            }
        }

        if (lost.Count > 0)
        {
            Dispatch();
        }
    }
}
