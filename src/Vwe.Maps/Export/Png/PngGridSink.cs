using System.IO.Compression;
using Vwe.Maps.Grid;

namespace Vwe.Maps.Export.Png;

/// <summary>
/// Streams a grid into a north-up PNG: the first PNG row is grid row N − 1 (north), column 0 is west. Bands
/// arrive north to south, so each band's rows are encoded from its last (northernmost) to its first, and the
/// picture is never held in memory.
/// </summary>
internal abstract class PngGridSink : IGridSink
{
    private readonly FileStream file;
    private readonly PngWriter png;
    private readonly byte[] row;
    private readonly string name;
    private int nextTop;

    protected PngGridSink(string path, GridSpec grid, PngFilter filter, CompressionLevel level)
    {
        ArgumentNullException.ThrowIfNull(grid);
        name = Path.GetFileName(path);
        Grid = grid;
        nextTop = grid.Size;
        row = new byte[grid.Size * 3];
        file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        try
        {
            png = new PngWriter(file, grid.Size, grid.Size, filter, level);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Lower-case hex SHA-256 of the decoded RGB rows, top first; set by <see cref="Complete"/>.</summary>
    public string? PixelsSha256 => png.PixelsSha256;

    protected GridSpec Grid { get; }

    public void Write(GridBand band)
    {
        ArgumentNullException.ThrowIfNull(band);
        if (band.Size != Grid.Size || band.FirstRow + band.RowCount != nextTop)
        {
            throw new InvalidOperationException(
                $"{name}: expected the band ending below row {nextTop} of a {Grid.Size}² grid, got rows {band.FirstRow}..{band.FirstRow + band.RowCount - 1} of a {band.Size}² grid; a PNG is written north to south");
        }

        for (int offset = band.RowCount - 1; offset >= 0; offset--)
        {
            ColourRow(band, offset, row);
            png.WriteRow(row);
        }

        nextTop = band.FirstRow;
    }

    public void Complete()
    {
        png.Finish();
        file.Dispose();
    }

    public void Dispose()
    {
        png.Dispose();
        file.Dispose();
    }

    /// <summary>Colours grid row <c>band.FirstRow + offset</c>; rows come north to south, one call each.</summary>
    protected abstract void ColourRow(GridBand band, int offset, Span<byte> rgb);
}
