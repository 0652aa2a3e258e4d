namespace Vwe.WorldGen;

/// <summary>
/// The <c>out Color mask</c> of <c>GetBiomeHeight</c> (spec §5.7): (0,0,0,1) by default; Mistlands writes the
/// vegetation alpha (may be negative), AshLands the lava amount in A, DeepNorth the snow amount in G.
/// </summary>
public readonly record struct TerrainMask(float R, float G, float B, float A)
{
    public static TerrainMask Default => new(0f, 0f, 0f, 1f);
}
