using UnityEngine;

// Valheim 1.0 (assembly_valheim): the members the plugins use, with the game's signatures, in the global
// namespace as the game declares them. Members marked "by reflection" are private in the game; the plugins reach
// them by name (plugins/Vwe.DataExporter/GameMembers.cs) and they are listed here so the shapes are in one place.

/// <summary>Every body here throws: this assembly only exists to compile against (plugins/refs).</summary>
internal static class Stub
{
    public static System.NotSupportedException Missing =>
        new System.NotSupportedException("reference stub: load the game's own assembly_valheim.dll, not plugins/refs");
}

/// <summary>A world's metadata, read from its .fwl.</summary>
public class World
{
    public World() => throw Stub.Missing;

    public string m_name;
    public string m_seedName;
    public int m_seed;
    public int m_worldGenVersion;
    public bool m_menu;
}

public class Heightmap : MonoBehaviour
{
    /// <summary>The biome flags; the values are stored in grid.bin and sent over the wire.</summary>
    public enum Biome
    {
        None = 0,
        Meadows = 1,
        Swamp = 2,
        Mountain = 4,
        BlackForest = 8,
        Plains = 16,
        AshLands = 32,
        DeepNorth = 64,
        Ocean = 256,
        Mistlands = 512,
    }
}

public class WorldGenerator
{
    /// <summary>By reflection: the game builds its own instance through Initialize; the plugins build fresh ones.</summary>
    private WorldGenerator(World world) => throw Stub.Missing;

    public Heightmap.Biome GetBiome(float wx, float wy, float oceanLevel = 0.02f, bool waterAlwaysOcean = false) => throw Stub.Missing;

    public float GetHeight(float wx, float wy) => throw Stub.Missing;

    /// <summary>By reflection.</summary>
    private float GetBaseHeight(float wx, float wy, bool menuTerrain) => throw Stub.Missing;

    /// <summary>By reflection.</summary>
    private void GetRiverWeight(float wx, float wy, out float weight, out float width) => throw Stub.Missing;

    public static float GetForestFactor(Vector3 pos) => throw Stub.Missing;
}
