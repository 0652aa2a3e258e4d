using Vwe.Maps.Export;
using Vwe.Maps.Grid;
using Vwe.WorldGen;

namespace Vwe.Maps.Tests.Export.Support;

[CollectionDefinition(Name)]
public sealed class HnWorldGroup : ICollectionFixture<HnWorld>
{
    public const string Name = "hnLycKKCMI exports";
}

/// <summary>
/// The reference world hnLycKKCMI (spec §10.3), built once, and two exports the tests share:
/// <see cref="Full512"/> on the golden 512² / 48 m grid, and <see cref="Points"/> on a 107² / 200 m grid whose
/// pixel centres fall on every multiple of 200 m from −10 600 to 10 600 — where the spec's reference points lie.
/// </summary>
public sealed class HnWorld : IDisposable
{
    public const string SeedText = "hnLycKKCMI";

    private readonly TempDirectory temp = new();
    private readonly Lazy<ExportResult> full512;
    private readonly Lazy<ExportResult> points;

    public HnWorld()
    {
        Generator = new WorldGenerator(StableHash.WorldSeed(SeedText));
        full512 = new(() => Export(
            "full-512", new GridSpec(512, 48), ExportFormats.Bin | ExportFormats.Json | ExportFormats.Png, GridLayers.River | GridLayers.Forest, 1));
        points = new(() => Export(
            "points-107", PointsGrid, ExportFormats.Bin | ExportFormats.Png, GridLayers.River | GridLayers.Forest, 2));
    }

    public static GridSpec PointsGrid { get; } = new(107, 200);

    public WorldGenerator Generator { get; }

    /// <summary>512² / 48 m, every format and layer, one thread.</summary>
    public ExportResult Full512 => full512.Value;

    /// <summary>107² / 200 m, bin and png with both layers, two threads.</summary>
    public ExportResult Points => points.Value;

    /// <summary>A folder for a test's own export, inside the fixture's temp folder.</summary>
    public string NewOutputPath(string name) => temp.Combine(name + "-" + Guid.NewGuid().ToString("N")[..8]);

    public ExportResult Export(string name, GridSpec grid, ExportFormats formats, GridLayers layers, int threads, string? seedText = SeedText) =>
        WorldExporter.Export(new ExportRequest
        {
            Generator = Generator,
            SeedText = seedText,
            Grid = grid,
            Formats = formats,
            Layers = layers,
            Threads = threads,
            OutputDirectory = NewOutputPath(name),
        });

    /// <summary>Row and column of the pixel centred on (x, z) in <see cref="PointsGrid"/>, or null when no centre is there.</summary>
    public static (int Row, int Column)? PointsPixel(float x, float z)
    {
        GridSpec grid = PointsGrid;
        for (int column = 0; column < grid.Size; column++)
        {
            if (grid.X(column) != x)
            {
                continue;
            }

            for (int row = 0; row < grid.Size; row++)
            {
                if (grid.Z(row) == z)
                {
                    return (row, column);
                }
            }
        }

        return null;
    }

    public void Dispose() => temp.Dispose();
}
