using Vwe.Maps.Grid;

namespace Vwe.Maps.Export;

/// <summary>
/// <c>grid.bin</c> (ARCHITECTURE "Grid layout"): uint16 biome[N·N] then float32 height[N·N], little-endian,
/// row-major, row 0 = south. Each band is written straight to its offsets, so memory does not grow with N.
/// </summary>
internal sealed class GridBinSink : IGridSink
{
    private readonly int size;
    private readonly long heightsStart;
    private readonly LittleEndianFile file;
    private RowCoverage coverage;

    public GridBinSink(string path, GridSpec grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        size = grid.Size;
        heightsStart = grid.PixelCount * sizeof(ushort);
        file = new LittleEndianFile(path, Length(grid));
        coverage = new RowCoverage(size);
    }

    public static long Length(GridSpec grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return grid.PixelCount * (sizeof(ushort) + sizeof(float));
    }

    public void Write(GridBand band)
    {
        ArgumentNullException.ThrowIfNull(band);
        coverage.Add(band);
        long firstPixel = (long)band.FirstRow * size;
        file.Write(firstPixel * sizeof(ushort), band.Biomes.AsSpan(0, band.PixelCount));
        file.Write(heightsStart + (firstPixel * sizeof(float)), band.Heights.AsSpan(0, band.PixelCount));
    }

    public void Complete()
    {
        coverage.CheckComplete(ExportFileNames.Grid);
        file.Dispose();
    }

    public void Dispose() => file.Dispose();
}
