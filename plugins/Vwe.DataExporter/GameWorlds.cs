using Vwe.Plugins.Core.Grid;

namespace Vwe.DataExporter;

/// <summary>
/// Builds a fresh game WorldGenerator for any seed, leaving the server's own world (WorldGenerator.instance)
/// alone. Call it on the game's main thread: construction seeds and restores UnityEngine.Random's global state.
/// </summary>
public static class GameWorlds
{
    /// <summary>The world of <paramref name="seed"/>, pre-generated (lakes, rivers, streams), as a new game world of version 2 would be.</summary>
    public static GameWorld Create(int seed)
    {
        // The generator reads only the seed, the version and the menu flag (docs/spec/worldgen.md §5.2).
        var world = new World
        {
            m_name = "vwe-" + seed.ToString(System.Globalization.CultureInfo.InvariantCulture),
            m_seedName = "",
            m_seed = seed,
            m_worldGenVersion = WorldKeys.WorldGenVersion,
            m_menu = false,
        };
        var generator = (WorldGenerator)GameMembers.Constructor.Invoke([world]);
        FlushRiverCache(generator);
        return new GameWorld(generator, seed, WorldKeys.WorldGenVersion);
    }

    /// <summary>
    /// Construction can leave the single-entry river cache holding an outdated point list (docs/spec/worldgen.md
    /// §5.8). Two lookups in two different cells outside the world (no river points) refresh it, so every later
    /// answer is the minimap's, whatever order the grid is sampled in, as our native generator answers.
    /// </summary>
    private static void FlushRiverCache(WorldGenerator generator)
    {
        GameMembers.GetRiverWeight(generator, -20000f, -20000f, out _, out _);
        GameMembers.GetRiverWeight(generator, 20000f, 20000f, out _, out _);
    }
}
