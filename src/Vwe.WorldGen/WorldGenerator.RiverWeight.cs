using Vwe.WorldGen.Rivers;
using Vwe.WorldGen.Unity;

namespace Vwe.WorldGen;

/// <summary><c>GetRiverWeight</c> with its single-entry cache, and <c>AddRivers</c> (spec §5.8).</summary>
public sealed partial class WorldGenerator
{
    /// <summary>
    /// <c>GetRiverWeight(x, z)</c>. The one-cell cache is reproduced literally because pre-generation depends
    /// on its staleness; after construction it can only hold current lists.
    /// </summary>
    public RiverWeight GetRiverWeight(float x, float z)
    {
        RiverLookups++;
        var cell = RiverCell.Of(x, z);
        if (cell != cachedRiverCell)
        {
            cachedRiverCell = cell;
            cachedRiverPoints = world.RiverPoints[cell];
        }

        return cachedRiverPoints is null ? default : GetWeight(cachedRiverPoints, x, z);
    }

    private static RiverWeight GetWeight(RiverPoint[] points, float x, float z)
    {
        float weight = 0f;
        float weightedWidth = 0f;
        float weightSum = 0f;
        foreach (RiverPoint point in points)
        {
            float dx = point.P.X - x;
            float dz = point.P.Y - z;
            float distanceSquared = (float)(((double)dx * dx) + ((double)dz * dz));
            if (distanceSquared < point.W2)
            {
                float distance = (float)Math.Sqrt(distanceSquared);
                float w = (float)(1.0 - ((double)distance / point.W));
                weight = Math.Max(weight, w);
                weightedWidth = (float)(weightedWidth + ((double)point.W * w));
                weightSum = (float)((double)weightSum + w);
            }
        }

        float width = weightSum > 0f ? (float)((double)weightedWidth / weightSum) : 0f;
        return new RiverWeight(weight, width);
    }

    /// <summary><c>AddRivers</c>: only lowers terrain, to the river bed (28…24 m; streams 28 m).</summary>
    private float AddRivers(float x, float z, float h)
    {
        RiverWeight river = GetRiverWeight(x, z);
        if (river.Weight <= 0f)
        {
            return h;
        }

        float t = DUtils.LerpStep(20f, 60f, river.Width);
        float bed = DUtils.Lerp(0.14f, 0.12f, t);
        float mid = DUtils.Lerp(0.139f, 0.128f, t);
        if (h > bed)
        {
            h = DUtils.Lerp(h, bed, river.Weight);
        }

        if (h > mid)
        {
            h = DUtils.Lerp(h, mid, DUtils.LerpStep(0.85f, 1f, river.Weight));
        }

        return h;
    }
}
