namespace Vwe.Cli;

/// <summary>
/// Where an export stands, written by the threads doing the work and read by the one loop that draws it
/// (<see cref="ProgressDisplay"/>). Only the latest values are kept: the drawing loop samples them at its own pace,
/// so the exporter's writer thread never waits for the terminal.
/// </summary>
internal sealed class GenerateProgress : IProgress<double>
{
    private double sampled;
    private int worldReady;

    /// <summary>Fraction of grid rows written, 0 to 1 (the exporter reports it from its writer thread).</summary>
    public double Sampled => Volatile.Read(ref sampled);

    /// <summary>Whether pre-generation is done and sampling has begun.</summary>
    public bool WorldReady => Volatile.Read(ref worldReady) != 0;

    public void Report(double value) => Volatile.Write(ref sampled, value);

    public void MarkWorldReady() => Volatile.Write(ref worldReady, 1);
}
