using System;
using System.Collections.Concurrent;
using System.Threading;

namespace Vwe.RuntimeWorldLoader;

/// <summary>
/// Runs work on the game's main thread, where Unity's global state (UnityEngine.Random, which a WorldGenerator
/// seeds and restores while it is built) may be touched. Jobs post work and wait; the plugin's Update drains
/// the queue once per frame.
/// </summary>
internal sealed class MainThread
{
    private readonly ConcurrentQueue<Action> pending = new();

    /// <summary>Runs <paramref name="work"/> on the main thread and returns its result; cancellation stops the wait, not work already started.</summary>
    public T Invoke<T>(Func<T> work, CancellationToken cancellationToken)
    {
        T result = default!;
        Exception? failure = null;
        using var done = new ManualResetEventSlim();
        int state = 0; // 0 waiting, 1 started, 2 abandoned
        pending.Enqueue(() =>
        {
            if (Interlocked.CompareExchange(ref state, 1, 0) != 0)
            {
                return;
            }

            try
            {
                result = work();
            }
            catch (Exception exception)
            {
                failure = exception;
            }
            finally
            {
                done.Set();
            }
        });

        try
        {
            done.Wait(cancellationToken);
        }
        catch (OperationCanceledException) when (Interlocked.CompareExchange(ref state, 2, 0) == 0)
        {
            // Not started yet: it never will be.
            throw;
        }
        catch (OperationCanceledException)
        {
            // Started: construction cannot be interrupted; wait for it so nothing runs after this job ended.
            done.Wait(CancellationToken.None);
            throw;
        }

        if (failure is not null)
        {
            throw new InvalidOperationException("the game failed on its main thread: " + failure.Message, failure);
        }

        return result;
    }

    /// <summary>Runs <paramref name="work"/> on the main thread at the next frame, without waiting.</summary>
    public void Post(Action work) => pending.Enqueue(work);

    /// <summary>Called from Update, on the main thread.</summary>
    public void RunPending()
    {
        while (pending.TryDequeue(out Action? work))
        {
            work();
        }
    }
}
