using Vwe.Engines.Jobs;
using Vwe.Maps.Export;
using Vwe.Maps.Grid;

namespace Vwe.Engines.Tests.Support;

/// <summary>The spec's reference world, hnLycKKCMI, and jobs on it sized for quick tests.</summary>
internal static class World
{
    public const int Seed = 1706363555;

    public const string SeedText = "hnLycKKCMI";

    /// <summary>The golden grid's spec (tests/golden/grids/index.json: hnLycKKCMI-512.bin.gz).</summary>
    public static GridSpec Golden { get; } = new(512, 48);

    /// <summary>A grid that takes milliseconds to sample.</summary>
    public static GridSpec Tiny { get; } = new(64, 384);

    /// <summary>A grid that takes seconds to sample, in bands of 256 rows (16 progress reports): long enough to act on mid-way.</summary>
    public static GridSpec Large { get; } = new(4096, 6);

    public static ExportJob Export(GridSpec grid, string outputDirectory, TimeSpan? deadline = null) =>
        new(Seed, SeedText, grid, ExportFormats.Bin, GridLayers.None, outputDirectory, deadline);
}
