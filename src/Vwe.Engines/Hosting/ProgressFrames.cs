using Vwe.Engines.Wire;
using Vwe.Protocol;

namespace Vwe.Engines.Hosting;

/// <summary>
/// Export progress as protocol frames, at most one per <see cref="Step"/> of progress so a large grid does not
/// flood the pipe. Written synchronously from the exporter's writer thread: frames are tiny and the client is
/// always reading. The first report also means pre-generation is over (<paramref name="onFirst"/>).
/// </summary>
internal sealed class ProgressFrames(FrameWriter writer, long requestId, Action onFirst) : IProgress<double>
{
    private const double Step = 0.05;
    private double lastSent = -1;

    public void Report(double value)
    {
        if (lastSent < 0)
        {
            onFirst();
        }

        if (value - lastSent < Step && value < 1)
        {
            return;
        }

        lastSent = value;
        writer.WriteAsync(JobWire.Progress(requestId, "export", value), CancellationToken.None).GetAwaiter().GetResult();
    }
}
