using Vwe.Maps.Tiles;
using Vwe.WorldGen;

namespace Vwe.Tests;

/// <summary>
/// A tile painted from the generator's own samples, point by point on one thread: what a tile rendered by the
/// engines (in bands, on several threads, biomes without heights) must equal byte for byte.
/// </summary>
internal static class ReferenceTiles
{
    public static byte[] Paint(WorldGenerator generator, TileId tile, TileLayer layer)
    {
        TileRegion region = TileGrid.Region(tile, layer);
        var biomes = new ushort[region.Count];
        var heights = new float[region.Count];
        for (int row = 0; row < region.Rows; row++)
        {
            for (int column = 0; column < region.Columns; column++)
            {
                (float x, float z) = region.At(row, column);
                int index = (row * region.Columns) + column;
                heights[index] = generator.Sample(x, z, out Biome biome, out _);
                biomes[index] = (ushort)biome;
            }
        }

        return TilePainter.Paint(layer, region, biomes, layer == TileLayer.Terrain ? heights : []);
    }
}
