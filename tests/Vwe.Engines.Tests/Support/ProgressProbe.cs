namespace Vwe.Engines.Tests.Support;

/// <summary>
/// Progress reports as they arrive, synchronously on the reporting thread (unlike <see cref="Progress{T}"/>,
/// which posts them): <see cref="First"/> completes at the first report, after <paramref name="onFirst"/> ran.
/// </summary>
internal sealed class ProgressProbe(Action? onFirst = null) : IProgress<double>
{
    private readonly TaskCompletionSource<double> first = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int reports;

    public Task<double> First => first.Task;

    public int Reports => Volatile.Read(ref reports);

    public void Report(double value)
    {
        if (Interlocked.Increment(ref reports) == 1)
        {
            onFirst?.Invoke();
            first.TrySetResult(value);
        }
    }
}
