using Vwe.Engines.Jobs;
using Vwe.Maps.Export;
using Vwe.WorldGen;

namespace Vwe.Tests;

/// <summary>
/// The reference for any engine's export: the job's world exported in this process, no engine and no pool; every data
/// file compared byte for byte (run.json holds timings, so it is left out).
/// </summary>
internal static class InProcessExport
{
    public static void AssertSameDataFiles(ExportJob job, string actualFolder, TempDirectory scratch)
    {
        string expected = scratch.Combine("in-process", Path.GetFileName(job.OutputDirectory));
        WorldExporter.Export(new ExportRequest
        {
            Generator = new WorldGenerator(job.Seed),
            SeedText = job.SeedText,
            Grid = job.Grid,
            Formats = job.Formats,
            Layers = job.Layers,
            OutputDirectory = expected,
        });
        string[] dataFiles = [.. Directory.EnumerateFiles(expected).Select(Path.GetFileName).Where(name => name != "run.json").Order(StringComparer.Ordinal)!];
        Assert.Contains("grid.bin", dataFiles);
        Assert.Contains("manifest.json", dataFiles);
        foreach (string name in dataFiles)
        {
            byte[] wanted = File.ReadAllBytes(Path.Combine(expected, name));
            byte[] actual = File.ReadAllBytes(Path.Combine(actualFolder, name));
            Assert.True(wanted.AsSpan().SequenceEqual(actual), $"{name} of {job.SeedText} differs from the in-process export");
        }
    }
}
