namespace Vwe.Service.Jobs;

/// <summary>
/// A running job's progress, written to the store at most every <see cref="Interval"/> (an export reports per band,
/// hundreds of times a second on small grids); the last value before the end may be skipped, since a finished job
/// reads 1.
/// </summary>
internal sealed class ProgressWriter(JobStore store, string jobId, TimeProvider time) : IProgress<double>
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    private readonly Lock gate = new();
    private long lastWrite = time.GetTimestamp() - (long)(Interval.TotalSeconds * time.TimestampFrequency);

    public void Report(double value)
    {
        lock (gate)
        {
            if (time.GetElapsedTime(lastWrite) < Interval)
            {
                return;
            }

            lastWrite = time.GetTimestamp();
            store.SetProgress(jobId, value);
        }
    }
}
