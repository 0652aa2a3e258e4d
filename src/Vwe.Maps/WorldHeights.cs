namespace Vwe.Maps;

/// <summary>Heights with a meaning in the game, in metres: written into heightmap.json and used to shade terrain.png.</summary>
public static class WorldHeights
{
    /// <summary><c>ZoneSystem.m_waterLevel</c>: below it is water.</summary>
    public const float WaterLevel = 30f;

    /// <summary>The height the generator returns beyond the world's edge (10 500 m from the centre).</summary>
    public const float WorldEdge = -400f;
}
