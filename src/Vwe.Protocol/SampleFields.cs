using System.Collections.Generic;

namespace Vwe.Protocol;

/// <summary>
/// The names a sample request can ask for in <c>fields</c>, which are also the names of the answer's arrays
/// (docs/protocol.md §5.5). Names are permanent.
/// </summary>
public static class SampleFields
{
    /// <summary><c>GetBiome(x, z)</c> as the game's biome flag, uint16.</summary>
    public const string Biome = "biome";

    /// <summary><c>GetHeight(x, z)</c> in metres, float32.</summary>
    public const string Height = "height";

    /// <summary><c>GetBaseHeight(x, z)</c>, unitless continent shape, float32.</summary>
    public const string BaseHeight = "baseHeight";

    /// <summary>The weight <c>GetRiverWeight(x, z)</c> returns, float32.</summary>
    public const string River = "river";

    /// <summary><c>GetForestFactor(x, z)</c>, float32.</summary>
    public const string Forest = "forest";

    /// <summary>Every field, in the order the answer lists them.</summary>
    public static IReadOnlyList<string> All { get; } = [Biome, Height, BaseHeight, River, Forest];
}
