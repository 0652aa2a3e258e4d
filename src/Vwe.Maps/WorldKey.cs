using System.Globalization;
using Vwe.Maps.Grid;
using Vwe.WorldGen;

namespace Vwe.Maps;

/// <summary>
/// The one name of a result everywhere (output folders, the cache, URLs): seed int, worldGenVersion, engine
/// data version and grid, e.g. <c>1706363555-g2-e1-2048x12</c>. Never the seed text or a world name.
/// </summary>
public static class WorldKey
{
    /// <summary>Bumped whenever any output value or data file byte could change.</summary>
    public const int EngineDataVersion = 1;

    public static string For(int seed, GridSpec grid) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{seed}-g{WorldGenerator.SupportedWorldGenVersion}-e{EngineDataVersion}-{grid.Key}");
}
