using System.IO.Compression;
using Vwe.Maps.Grid;

namespace Vwe.Maps.Export.Png;

/// <summary>
/// <c>terrain.png</c>: <see cref="TerrainShading"/> of each row. The hillshade needs each pixel's northern
/// neighbour, which is the row coloured just before (north to south); across a band boundary it comes from a
/// copy of the previous band's southernmost row. The hillshade changes every pixel, so prediction only adds
/// noise: the None filter was the smallest and fastest of None/Sub/Up/Paeth on 2048² (docs/formats.md, "PNG
/// encoding").
/// </summary>
internal sealed class TerrainPngSink : PngGridSink
{
    private readonly float[] northRow;
    private bool hasNorthRow;

    public TerrainPngSink(string path, GridSpec grid, CompressionLevel level)
        : base(path, grid, PngFilter.None, level) => northRow = new float[grid.Size];

    protected override void ColourRow(GridBand band, int offset, Span<byte> rgb)
    {
        int size = band.Size;
        ReadOnlySpan<float> heights = band.Heights.AsSpan(offset * size, size);
        ReadOnlySpan<float> north;
        if (offset + 1 < band.RowCount)
        {
            north = band.Heights.AsSpan((offset + 1) * size, size);
        }
        else
        {
            // The band's northernmost row: its neighbour is the last row of the previous band, or none at the top.
            north = hasNorthRow ? northRow : heights;
        }

        TerrainShading.ShadeRow(band.Biomes.AsSpan(offset * size, size), heights, north, Grid.PixelSize, rgb);
        if (offset == 0)
        {
            heights.CopyTo(northRow);
            hasNorthRow = true;
        }
    }
}
