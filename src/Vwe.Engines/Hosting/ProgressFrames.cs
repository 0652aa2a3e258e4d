using System.Diagnostics;

namespace Vwe.Engines.Hosting;

/// <summary>
/// Export progress as protocol frames, at most one per <see cref="Interval"/> (E23: about ten a second) so a
/// large grid does not flood the pipe. Reported from the exporter's writer thread, written at once: frames are
/// tiny and the client is always reading.
/// </summary>
internal sealed class ProgressFrames(EngineSession session, long requestId) : IProgress<double>
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);
    private readonly Stopwatch sinceLast = new();

    public void Report(double value)
    {
        if (sinceLast.IsRunning && sinceLast.Elapsed < Interval && value < 1)
        {
            return;
        }

        sinceLast.Restart();
        session.OnExportProgress(requestId, value);
    }
}
