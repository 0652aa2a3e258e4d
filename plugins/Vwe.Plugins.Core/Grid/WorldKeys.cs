using System.Globalization;

namespace Vwe.Plugins.Core.Grid;

/// <summary>
/// The world key, the one name of a result (docs/architecture.md, "World key"): seed int, worldGenVersion, engine
/// data version and grid, e.g. <c>1706363555-g2-e1-2048x12</c>. The versions are those of src/Vwe.Maps' WorldKey;
/// a test fails if they drift apart.
/// </summary>
public static class WorldKeys
{
    /// <summary>The only worldGenVersion our files describe (every world made since the Mistlands update).</summary>
    public const int WorldGenVersion = 2;

    /// <summary>Bumped with src/Vwe.Maps' <c>WorldKey.EngineDataVersion</c> whenever any output byte could change.</summary>
    public const int EngineDataVersion = 1;

    public static string For(int seed, GridSpec grid) =>
        seed.ToString(CultureInfo.InvariantCulture) + "-g" + WorldGenVersion.ToString(CultureInfo.InvariantCulture)
        + "-e" + EngineDataVersion.ToString(CultureInfo.InvariantCulture) + "-" + grid.Key;
}
