using Vwe.Maps.Grid;
using Vwe.WorldGen;
using Vwe.WorldGen.Unity;

namespace Vwe.GameFiles.Minimap;

/// <summary>
/// The game's minimap cache of one world (<c>Minimap.GenerateWorldMap</c>, spec §5.10): for every pixel of the
/// 2048 × 2048 / 12 m grid (row 0 south, index row·N + column) the biome's colour and the height as binary16, plus
/// the seed it was computed for. The mask cache (forest and lava shading) is not part of it: vwe neither needs nor writes it.
/// </summary>
public sealed class MinimapCache
{
    /// <summary><c>Version.CachedMinimap</c>: the only cache version the game reads.</summary>
    public const int CurrentVersion = 1;

    public MinimapCache(int seed, int version, int size, byte[] biomeColors, ushort[] heights)
    {
        ArgumentNullException.ThrowIfNull(biomeColors);
        ArgumentNullException.ThrowIfNull(heights);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        long pixels = (long)size * size;
        if (biomeColors.LongLength != pixels * 4 || heights.LongLength != pixels)
        {
            throw new ArgumentException($"a {size}² cache needs {pixels * 4} colour bytes and {pixels} heights");
        }

        Seed = seed;
        Version = version;
        Size = size;
        BiomeColors = biomeColors;
        Heights = heights;
    }

    public int Seed { get; }

    public int Version { get; }

    /// <summary>Pixels per side (2048 in the game).</summary>
    public int Size { get; }

    /// <summary>R, G, B, A per pixel (<c>Color32</c>).</summary>
    public byte[] BiomeColors { get; }

    /// <summary>Unity <c>Mathf.FloatToHalf</c> of <c>GetBiomeHeight</c> per pixel.</summary>
    public ushort[] Heights { get; }

    /// <summary>The pixel's colour packed as 0xRRGGBBAA.</summary>
    public uint ColorAt(int index) =>
        MinimapColors.Pack(BiomeColors[index * 4], BiomeColors[(index * 4) + 1], BiomeColors[(index * 4) + 2], BiomeColors[(index * 4) + 3]);

    /// <summary>The cache the game would write for a grid of biomes and float heights (e.g. golden data or our own grid).</summary>
    public static MinimapCache FromGrid(int seed, int size, ReadOnlySpan<ushort> biomes, ReadOnlySpan<float> heights)
    {
        long pixels = (long)size * size;
        if (biomes.Length != pixels || heights.Length != pixels)
        {
            throw new ArgumentException($"a {size}² grid needs {pixels} biomes and heights");
        }

        var colors = new byte[pixels * 4];
        var halves = new ushort[pixels];
        for (int i = 0; i < pixels; i++)
        {
            SetColor(colors, i, MinimapColors.Of((Biome)biomes[i]));
            halves[i] = UnityHalf.FloatToHalf(heights[i]);
        }

        return new MinimapCache(seed, CurrentVersion, size, colors, halves);
    }

    /// <summary>Paints one pixel (0xRRGGBBAA).</summary>
    public void SetColorAt(int index, uint rgba) => SetColor(BiomeColors, index, rgba);

    private static void SetColor(byte[] colors, int index, uint rgba)
    {
        colors[index * 4] = (byte)(rgba >> 24);
        colors[(index * 4) + 1] = (byte)(rgba >> 16);
        colors[(index * 4) + 2] = (byte)(rgba >> 8);
        colors[(index * 4) + 3] = (byte)rgba;
    }

    /// <summary>The game's grid of this cache: <see cref="GridSpec.Minimap"/> for a 2048 cache.</summary>
    public GridSpec Grid => new(Size, GridSpec.Minimap.PixelSize);
}
