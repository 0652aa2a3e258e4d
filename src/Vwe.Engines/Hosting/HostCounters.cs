using System.Diagnostics;

namespace Vwe.Engines.Hosting;

/// <summary>What the host counts across connections: jobs started (fault injection targets the Nth), jobs done, uptime.</summary>
internal sealed class HostCounters
{
    private readonly Stopwatch uptime = Stopwatch.StartNew();
    private int jobs;
    private long done;

    public int Jobs => Volatile.Read(ref jobs);

    public long Done => Interlocked.Read(ref done);

    public TimeSpan Uptime => uptime.Elapsed;

    public int NextJob() => Interlocked.Increment(ref jobs);

    public void JobDone() => Interlocked.Increment(ref done);
}
