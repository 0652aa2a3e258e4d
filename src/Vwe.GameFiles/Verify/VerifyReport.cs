using Vwe.WorldGen;

namespace Vwe.GameFiles.Verify;

/// <summary>
/// What <see cref="MinimapVerifier"/> found: agreement per biome (by the biome vwe computed) and for heights, how many
/// pixels differ in either, and the first differing pixels (lowest index first, i.e. south-west first).
/// </summary>
public sealed record VerifyReport(
    int Seed,
    int Size,
    double PixelSize,
    IReadOnlyList<BiomeAgreement> Biomes,
    long HeightsMatching,
    long HeightsDiffering,
    long PixelsDiffering,
    IReadOnlyList<PixelDifference> FirstDifferences)
{
    public long PixelCount => (long)Size * Size;

    public long BiomePixelsDiffering => Biomes.Sum(biome => biome.Differing);

    /// <summary>True when every pixel agrees in both biome colour and height.</summary>
    public bool Agrees => PixelsDiffering == 0;
}

/// <summary>Pixels where vwe computed <see cref="Biome"/>, and how many of them carry that biome's colour in the game's cache.</summary>
public sealed record BiomeAgreement(Biome Biome, long Matching, long Differing)
{
    public long Pixels => Matching + Differing;
}

/// <summary>One pixel where the cache and vwe disagree, with both values (a field is null where that part agrees).</summary>
public sealed record PixelDifference(int Row, int Column, float X, float Z, BiomeDifference? Biome, HeightDifference? Height);

/// <summary>The biome vwe computed and the cache's colour at the pixel.</summary>
public sealed record BiomeDifference(Biome Computed, uint ExpectedColor, uint CacheColor);

/// <summary>The binary16 heights (Unity ties-away rounding of vwe's float height, and the cache's), with their values.</summary>
public sealed record HeightDifference(float ComputedHeight, ushort ExpectedHalf, ushort CacheHalf)
{
    public double ExpectedValue => (double)BitConverter.UInt16BitsToHalf(ExpectedHalf);

    public double CacheValue => (double)BitConverter.UInt16BitsToHalf(CacheHalf);
}
