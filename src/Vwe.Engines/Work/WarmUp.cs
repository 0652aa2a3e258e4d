using Vwe.Engines.Jobs;
using Vwe.Maps.Export;
using Vwe.Maps.Grid;

namespace Vwe.Engines.Work;

/// <summary>
/// What an engine does before it reports Ready: one small job through every code path (pre-generation, the band
/// sampler, every file writer, hashing, inline sampling), so the first real job runs compiled code instead of
/// paying the JIT. The world is not kept and the files go to a temporary folder that is deleted.
/// </summary>
public static class WarmUp
{
    /// <summary>Any seed will do; this one is the spec's reference world.</summary>
    private const int Seed = 1706363555;

    public static void Run(EngineWorkbench workbench)
    {
        ArgumentNullException.ThrowIfNull(workbench);
        var scratch = new EngineWorkbench(workbench.Threads, maxWorlds: 1);
        string folder = Path.Combine(Path.GetTempPath(), $"vwe-warmup-{Environment.ProcessId}-{Guid.NewGuid():N}");
        try
        {
            var job = new ExportJob(
                Seed, null, new GridSpec(64, 384), ExportFormats.Bin | ExportFormats.Json | ExportFormats.Png, GridLayers.River | GridLayers.Forest, folder);
            scratch.Export(job, progress: null, CancellationToken.None);
            scratch.Sample(new SampleJob(Seed, new SampleRegion(-1000, -1000, 8, 64, 64), SampleFields.All), CancellationToken.None);
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }
}
