using System.Globalization;
using Vwe.Cli.Commands;

namespace Vwe.Cli;

/// <summary>
/// Live progress of <c>vwe batch</c> on stderr: one line per finished world (count, seed, latency or error) and
/// one per engine replaced or job retried, so a long batch shows where it stands and what went wrong as it happens.
/// </summary>
internal sealed class BatchProgress(int total, TextWriter error)
{
    private readonly Lock gate = new();
    private int done;

    public void Done(BatchResult result)
    {
        lock (gate)
        {
            done++;
            error.WriteLine(result.Error is null
                ? string.Create(CultureInfo.InvariantCulture, $"[{done}/{total}] {result.World.Seed.Seed} in {result.Latency.TotalMilliseconds:0} ms")
                : string.Create(CultureInfo.InvariantCulture, $"[{done}/{total}] {result.World.Seed.Seed} FAILED: {result.Error}"));
        }
    }

    public void Note(string message)
    {
        lock (gate)
        {
            error.WriteLine($"  {message}");
        }
    }
}
