using System.Runtime.InteropServices;
using Vwe.GameFiles.Minimap;

namespace Vwe.GameFiles.Tests.Minimap;

/// <summary>The game's minimap grid of hnLycKKCMI from golden data (tests/golden/grids), as the cache the game would write.</summary>
internal static class GoldenMinimap
{
    public const int Seed = 1706363555;
    public const int Size = 2048;

    private static readonly Lazy<byte[]> Grid = new(() => GoldenData.ReadBytes("grids/hnLycKKCMI-2048.bin.gz"));

    public static MinimapCache Cache()
    {
        byte[] grid = Grid.Value;
        int pixels = Size * Size;
        ReadOnlySpan<ushort> biomes = MemoryMarshal.Cast<byte, ushort>(grid.AsSpan(0, pixels * 2));
        ReadOnlySpan<float> heights = MemoryMarshal.Cast<byte, float>(grid.AsSpan(pixels * 2, pixels * 4));
        return MinimapCache.FromGrid(Seed, Size, biomes, heights);
    }
}
