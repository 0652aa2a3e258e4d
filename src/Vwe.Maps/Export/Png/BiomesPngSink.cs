using System.IO.Compression;
using Vwe.Maps.Grid;

namespace Vwe.Maps.Export.Png;

/// <summary>
/// <c>biomes.png</c>: each pixel the flat <see cref="BiomePalette"/> colour of its biome. Biome regions continue
/// from row to row, so the Up filter turns most of a row into zeros; measured on 2048² it gave the smallest file
/// of None/Sub/Up/Paeth at the same speed (docs/formats.md, "PNG encoding").
/// </summary>
internal sealed class BiomesPngSink(string path, GridSpec grid, CompressionLevel level)
    : PngGridSink(path, grid, PngFilter.Up, level)
{
    protected override void ColourRow(GridBand band, int offset, Span<byte> rgb)
    {
        ReadOnlySpan<ushort> biomes = band.Biomes.AsSpan(offset * band.Size, band.Size);
        for (int column = 0; column < biomes.Length; column++)
        {
            BiomePalette.Write(biomes[column], rgb.Slice(column * 3, 3));
        }
    }
}
