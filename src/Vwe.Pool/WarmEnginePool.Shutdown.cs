namespace Vwe.Pool;

/// <summary>
/// Graceful shutdown: no new work; running jobs get <see cref="PoolOptions.DrainTimeout"/> to finish, then are
/// cancelled; then every engine is stopped (politely, then killed) and every child reaped.
/// </summary>
public sealed partial class WarmEnginePool
{
    private readonly TaskCompletionSource drained = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        List<Waiter> abandoned;
        lock (gate)
        {
            if (closed)
            {
                return;
            }

            closed = true;
            abandoned = [.. waiters];
            waiters.Clear();
        }

        foreach (Waiter waiter in abandoned)
        {
            waiter.Granted.TrySetException(new PoolClosedException());
        }

        SignalIfDrained();
        using (var deadline = new CancellationTokenSource(options.DrainTimeout))
        {
            await drained.Task.WaitAsync(deadline.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        // Cancels jobs still running, pending starts and the health checks.
        // A cancelled job gives its engine back at once; a lease held outside a job is not waited for again.
        await closing.CancelAsync().ConfigureAwait(false);
        await drained.Task.WaitAsync(options.StopGrace).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (healthChecks is not null)
        {
            await healthChecks.ConfigureAwait(false);
        }

        await StopEverythingAsync().ConfigureAwait(false);
        await factory.DisposeAsync().ConfigureAwait(false);
        Metrics.Dispose();
        closing.Dispose();
    }

    private async Task StopEverythingAsync()
    {
        // Engines still starting finish (or fail) and stop themselves, seeing the pool closed; wait for them too.
        while (true)
        {
            List<Task> stops;
            lock (gate)
            {
                foreach (PooledEngine pooled in engines.ToList())
                {
                    Detach(pooled);
                    stopping.Add(Task.Run(() => pooled.Engine.StopAsync(options.StopGrace)));
                }

                stops = [.. stopping];
                stopping.Clear();
                if (stops.Count == 0 && starting == 0)
                {
                    return;
                }
            }

            await Task.WhenAll(stops).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            if (stops.Count == 0)
            {
                await Task.Delay(10, CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private void SignalIfDrained()
    {
        lock (gate)
        {
            // Lent engines count too: one being reset after its job is back in a moment.
            if (closed && busy == 0 && !engines.Any(pooled => pooled.Leased))
            {
                drained.TrySetResult();
            }
        }
    }
}
