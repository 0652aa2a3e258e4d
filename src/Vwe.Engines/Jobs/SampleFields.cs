namespace Vwe.Engines.Jobs;

/// <summary>The values a sample can return per point; the protocol names them <c>biome</c>, <c>height</c>, <c>baseHeight</c>, <c>river</c>, <c>forest</c>.</summary>
[Flags]
public enum SampleFields
{
    None = 0,

    /// <summary>GetBiome: the game's biome flag (uint16).</summary>
    Biome = 1,

    /// <summary>GetHeight, metres.</summary>
    Height = 2,

    /// <summary>GetBaseHeight, unitless.</summary>
    BaseHeight = 4,

    /// <summary>GetRiverWeight(x, z).Weight.</summary>
    River = 8,

    /// <summary>GetForestFactor.</summary>
    Forest = 16,

    All = Biome | Height | BaseHeight | River | Forest,
}
