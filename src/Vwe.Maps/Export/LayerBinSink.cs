using Vwe.Maps.Grid;

namespace Vwe.Maps.Export;

/// <summary><c>&lt;layer&gt;.bin</c>: float32[N·N] of one optional layer, in <c>grid.bin</c>'s layout (little-endian, row 0 = south).</summary>
internal sealed class LayerBinSink : IGridSink
{
    private readonly int size;
    private readonly GridLayers layer;
    private readonly LittleEndianFile file;
    private RowCoverage coverage;

    public LayerBinSink(string path, GridSpec grid, GridLayers layer)
    {
        ArgumentNullException.ThrowIfNull(grid);
        size = grid.Size;
        this.layer = layer;
        file = new LittleEndianFile(path, Length(grid));
        coverage = new RowCoverage(size);
    }

    public static long Length(GridSpec grid)
    {
        ArgumentNullException.ThrowIfNull(grid);
        return grid.PixelCount * sizeof(float);
    }

    public void Write(GridBand band)
    {
        ArgumentNullException.ThrowIfNull(band);
        coverage.Add(band);
        file.Write((long)band.FirstRow * size * sizeof(float), band.Layer(layer).AsSpan(0, band.PixelCount));
    }

    public void Complete()
    {
        coverage.CheckComplete(ExportFileNames.Layer(layer));
        file.Dispose();
    }

    public void Dispose() => file.Dispose();
}
