namespace Vwe.Pool.Tests;

/// <summary>Progress that runs an action on the first report only, synchronously on the reporting thread.</summary>
internal sealed class OnFirstReport(Action action) : IProgress<double>
{
    private int reported;

    public void Report(double value)
    {
        if (Interlocked.Exchange(ref reported, 1) == 0)
        {
            action();
        }
    }
}
