using System.IO.Compression;
using BenchmarkDotNet.Attributes;
using Vwe.Maps.Tiles;
using Vwe.WorldGen;

namespace Vwe.Benchmarks;

/// <summary>
/// The two halves of a tile render (docs/tiles.md): sampling its region on one thread (what an engine does) and
/// painting + PNG-encoding it at each zlib level. A level-7 tile (0.75 m) near the centre of hnLycKKCMI.
/// </summary>
[MemoryDiagnoser]
public class TileBenchmarks
{
    private static readonly TileId Tile = new(7, 60, 70);

    private WorldGenerator generator = null!;
    private TileRegion region = null!;
    private ushort[] biomes = [];
    private float[] heights = [];

    [Params(TileLayer.Biomes, TileLayer.Terrain)]
    public TileLayer Layer { get; set; }

    [Params(CompressionLevel.Fastest, CompressionLevel.Optimal)]
    public CompressionLevel Compression { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        generator = new WorldGenerator(StableHash.WorldSeed("hnLycKKCMI"));
        region = TileGrid.Region(Tile, Layer);
        biomes = new ushort[region.Count];
        heights = new float[region.Count];
        Sample();
    }

    /// <summary>The region's points as an engine samples them on one thread: a biomes tile skips the heights.</summary>
    [Benchmark]
    public int Sample()
    {
        for (int row = 0; row < region.Rows; row++)
        {
            for (int column = 0; column < region.Columns; column++)
            {
                (float x, float z) = region.At(row, column);
                int index = (row * region.Columns) + column;
                if (Layer == TileLayer.Terrain)
                {
                    heights[index] = generator.Sample(x, z, out Biome biome, out _);
                    biomes[index] = (ushort)biome;
                }
                else
                {
                    biomes[index] = (ushort)generator.GetBiome(x, z);
                }
            }
        }

        return biomes.Length;
    }

    [Benchmark]
    public int Paint() => TilePainter.Paint(Layer, region, biomes, Layer == TileLayer.Terrain ? heights : [], Compression).Length;
}
