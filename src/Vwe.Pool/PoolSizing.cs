namespace Vwe.Pool;

/// <summary>
/// Splits the machine's cores between engines: threads per engine × jobs at once never exceeds the cores
/// unless the caller asks for more. On two cores and three engines: one thread each, two jobs at once, one
/// ready spare.
/// </summary>
public static class PoolSizing
{
    /// <summary>Threads per engine and jobs at once for <paramref name="engines"/> engines on <paramref name="cores"/> cores.</summary>
    public static (int ThreadsPerEngine, int MaxConcurrentJobs) For(int engines, int cores, int? threadsPerEngine = null, bool oversubscribe = false)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(engines, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(cores, 1);
        int threads = threadsPerEngine ?? Math.Max(1, cores / engines);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1, nameof(threadsPerEngine));
        int concurrent = oversubscribe ? engines : Math.Clamp(cores / threads, 1, engines);
        return (threads, concurrent);
    }
}
