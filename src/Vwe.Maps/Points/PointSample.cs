using System.Text.Json.Serialization;
using Vwe.WorldGen;

namespace Vwe.Maps.Points;

/// <summary>
/// What the generator says about one world point: the line <c>vwe point</c> prints and the HTTP API returns
/// (schema in docs/point.md). Serialize it with <see cref="PointSampleJson"/>: every float is written as the
/// shortest invariant decimal that round-trips the float32 (<c>-0</c> stays <c>-0</c>), so a reader parsing it
/// as float gets the generator's bits back.
/// </summary>
/// <param name="Seed">The world's int seed.</param>
/// <param name="X">World x (east), metres, as the float32 the generator was given.</param>
/// <param name="Z">World z (north), metres.</param>
/// <param name="Biome">GetBiome(x, z).</param>
/// <param name="Height">GetHeight(x, z) = GetBiomeHeight(GetBiome(x, z), x, z), metres (rivers and moats included).</param>
/// <param name="BaseHeight">GetBaseHeight(x, z): the continent shape, unitless (×200 = metres before biome shaping).</param>
/// <param name="RiverWeight">The weight GetRiverWeight(x, z) returns (0 away from rivers and streams).</param>
/// <param name="ForestFactor">GetForestFactor(x, z); the game plants forest where it is below 1.15.</param>
public readonly record struct PointSample(
    [property: JsonPropertyName("seed")] int Seed,
    [property: JsonPropertyName("x")] float X,
    [property: JsonPropertyName("z")] float Z,
    [property: JsonPropertyName("biome")] PointBiome Biome,
    [property: JsonPropertyName("height")] float Height,
    [property: JsonPropertyName("baseHeight")] float BaseHeight,
    [property: JsonPropertyName("riverWeight")] float RiverWeight,
    [property: JsonPropertyName("forestFactor")] float ForestFactor)
{
    /// <summary>Samples one point. Every value is independent of what <paramref name="generator"/> evaluated before.</summary>
    public static PointSample At(WorldGenerator generator, float x, float z)
    {
        ArgumentNullException.ThrowIfNull(generator);
        float height = generator.Sample(x, z, out Biome biome, out _);
        return new PointSample(
            generator.Seed,
            x,
            z,
            PointBiome.Of(biome),
            height,
            generator.GetBaseHeight(x, z),
            generator.GetRiverWeight(x, z).Weight,
            WorldGenerator.GetForestFactor(x, z));
    }
}

/// <summary>A biome as its game flag (permanent) and the game's name for it, e.g. <c>{"flag":8,"name":"BlackForest"}</c>.</summary>
public readonly record struct PointBiome(
    [property: JsonPropertyName("flag")] int Flag,
    [property: JsonPropertyName("name")] string Name)
{
    public static PointBiome Of(Biome biome) => new((int)biome, Biomes.Name(biome));
}
