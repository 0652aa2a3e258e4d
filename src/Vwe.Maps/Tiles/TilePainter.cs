using System.IO.Compression;
using Vwe.Maps.Export.Png;

namespace Vwe.Maps.Tiles;

/// <summary>
/// Turns the samples of a <see cref="TileRegion"/> into the tile's PNG, coloured exactly as the exported pictures
/// (docs/formats.md, "Pictures"): <see cref="TileLayer.Biomes"/> with <see cref="BiomePalette"/> as biomes.png,
/// <see cref="TileLayer.Terrain"/> with <see cref="TerrainShading"/> as terrain.png, whose hillshade takes the western
/// and northern neighbours from the region's border instead of repeating the edge pixel. Encoded by the exporters'
/// <see cref="PngWriter"/> with their filters; the bytes depend only on the samples.
/// </summary>
public static class TilePainter
{
    /// <summary>
    /// zlib level of the tiles. A tile is 196 KiB of RGB: Fastest encodes a terrain tile in about a third of
    /// Optimal's time for a file about a third larger (docs/tiles.md, "Encoding").
    /// </summary>
    public const CompressionLevel Compression = CompressionLevel.Fastest;

    private const int Size = TileGrid.TileSize;

    /// <summary>
    /// The PNG of a tile from its region's samples in region order (row 0 south): <paramref name="biomes"/> always,
    /// <paramref name="heights"/> for <see cref="TileLayer.Terrain"/>, both <see cref="TileRegion.Count"/> long.
    /// </summary>
    public static byte[] Paint(TileLayer layer, TileRegion region, ReadOnlySpan<ushort> biomes, ReadOnlySpan<float> heights)
    {
        ArgumentNullException.ThrowIfNull(region);
        int expectedBorder = layer == TileLayer.Terrain ? 1 : 0;
        if (region.Border != expectedBorder || region.Columns != Size + expectedBorder || region.Rows != Size + expectedBorder)
        {
            throw new ArgumentException($"a {TileLayers.Name(layer)} tile needs the region TileGrid.Region gives, not {region}", nameof(region));
        }

        if (biomes.Length != region.Count || (layer == TileLayer.Terrain && heights.Length != region.Count))
        {
            throw new ArgumentException(
                $"a {TileLayers.Name(layer)} tile needs {region.Count} samples per field; got {biomes.Length} biomes and {heights.Length} heights");
        }

        using var output = new MemoryStream(layer == TileLayer.Terrain ? 160 * 1024 : 16 * 1024);
        using (var png = new PngWriter(output, Size, Size, layer == TileLayer.Terrain ? PngFilter.None : PngFilter.Up, Compression))
        {
            if (layer == TileLayer.Terrain)
            {
                WriteTerrain(png, region, biomes, heights);
            }
            else
            {
                WriteBiomes(png, biomes);
            }

            png.Finish();
        }

        return output.ToArray();
    }

    private static void WriteBiomes(PngWriter png, ReadOnlySpan<ushort> biomes)
    {
        Span<byte> rgb = stackalloc byte[Size * 3];
        for (int row = 0; row < Size; row++)
        {
            // Tile row r (from the top) is region row 255 − r (from the south).
            ReadOnlySpan<ushort> line = biomes.Slice((Size - 1 - row) * Size, Size);
            for (int column = 0; column < Size; column++)
            {
                BiomePalette.Write(line[column], rgb.Slice(column * 3, 3));
            }

            png.WriteRow(rgb);
        }
    }

    private static void WriteTerrain(PngWriter png, TileRegion region, ReadOnlySpan<ushort> biomes, ReadOnlySpan<float> heights)
    {
        int width = region.Columns;
        Span<byte> rgb = stackalloc byte[width * 3];
        for (int row = 0; row < Size; row++)
        {
            // Region row 255 − r is tile row r; its northern neighbour is the region row above it (256 − r, the
            // border for the top row). The region's column 0 is the western border: shaded along (against itself,
            // as terrain.png's column 0 is) and dropped, so every tile pixel has its real western neighbour.
            int regionRow = Size - 1 - row;
            TerrainShading.ShadeRow(
                biomes.Slice(regionRow * width, width),
                heights.Slice(regionRow * width, width),
                heights.Slice((regionRow + 1) * width, width),
                region.Step,
                rgb);
            png.WriteRow(rgb[3..]);
        }
    }
}
