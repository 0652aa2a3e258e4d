using Vwe.WorldGen.Unity;

namespace Vwe.WorldGen;

/// <summary>World angle, the polar rings, the continent shape and biome selection (spec §5.3–§5.5).</summary>
public sealed partial class WorldGenerator
{
    private const float WaterEdge = 10500f;
    private const float MinMountainDistance = 1000f;
    private const float MinDarklandNoise = 0.4f;
    private const float MaxMarshDistance = 6000f;

    /// <summary><c>WorldAngle</c>: ±1 with 20 lobes; note the argument order atan2(x, z). Three float roundings.</summary>
    internal static float WorldAngle(float x, float z)
    {
        float angle = (float)Libm.Atan2(x, z);
        float lobes = (float)(angle * 20.0);
        return (float)Libm.Sin(lobes);
    }

    /// <summary><c>IsAshlands</c>: outside the ring of radius 12000 + wobble centred at (0, +4000); compared in double.</summary>
    public static bool IsAshlands(float x, float z) => IsAshlands(x, z, WorldAngle(x, z));

    private static bool IsAshlands(float x, float z, float worldAngle)
    {
        double wobble = worldAngle * 100.0;
        return DUtils.Length(x, (float)(z - 4000.0)) > 12000.0 + wobble;
    }

    /// <summary><c>IsDeepnorth</c>: outside the ring centred at (0, −4000); the wobble and radius are floats here.</summary>
    public static bool IsDeepnorth(float x, float z) => IsDeepnorth(x, z, WorldAngle(x, z));

    private static bool IsDeepnorth(float x, float z, float worldAngle)
    {
        float wobble = (float)(worldAngle * 100.0);
        return new Vec2(x, (float)(z + 4000.0)).Magnitude > (float)(12000.0 + wobble);
    }

    /// <summary><c>CreateAshlandsGap</c>: 0 on the AshLands ring, 1 from 400 m away (the ocean moat).</summary>
    private static double CreateAshlandsGap(float x, float z, float worldAngle)
    {
        double wobble = worldAngle * 100.0;
        double v = DUtils.Length(x, (float)(z - 4000.0)) - (12000.0 + wobble);
        v = DUtils.Clamp01(Math.Abs(v) / 400.0);
        return DUtils.MathfLikeSmoothStep(0.0, 1.0, (float)v);
    }

    /// <summary><c>CreateDeepNorthGap</c>: the same moat in front of the DeepNorth ring.</summary>
    private static double CreateDeepNorthGap(float x, float z, float worldAngle)
    {
        double wobble = worldAngle * 100.0;
        double v = DUtils.Length(x, (float)(z + 4000.0)) - (12000.0 + wobble);
        v = DUtils.Clamp01(Math.Abs(v) / 400.0);
        return DUtils.MathfLikeSmoothStep(0.0, 1.0, (float)v);
    }

    /// <summary><c>GetBaseHeight</c>: the continent shape, normalised (× 200 = metres).</summary>
    public float GetBaseHeight(float x, float z)
    {
        float dist = DUtils.Length(x, z);
        if (dist >= WaterEdge)
        {
            // Both edge lerps below reach t = 1 here and return their targets exactly (−0.2, then −2):
            // the noise would be discarded, so it is not computed.
            return -2f;
        }

        double bx = x + (100000.0 + offset0);
        double bz = z + (100000.0 + offset1);
        float h = 0f;
        h = (float)(h + (DUtils.Perlin(bx * 0.0020000000949949026 * 0.5, bz * 0.0020000000949949026 * 0.5)
            * DUtils.Perlin(bx * 0.003000000026077032 * 0.5, bz * 0.003000000026077032 * 0.5) * 1.0));
        h = (float)(h + (DUtils.Perlin(bx * 0.0020000000949949026 * 1.0, bz * 0.0020000000949949026 * 1.0)
            * DUtils.Perlin(bx * 0.003000000026077032 * 1.0, bz * 0.003000000026077032 * 1.0) * h * 0.8999999761581421));
        h = (float)(h + (DUtils.Perlin(bx * 0.004999999888241291 * 1.0, bz * 0.004999999888241291 * 1.0)
            * DUtils.Perlin(bx * 0.009999999776482582 * 1.0, bz * 0.009999999776482582 * 1.0) * 0.5 * h));
        h = (float)(h - 0.07000000029802322);

        // Sea channels: narrow straits where two low-frequency noises nearly agree.
        float n10 = (float)DUtils.Perlin(
            (bx * 0.0020000000949949026 * 0.25) + 0.12300000339746475,
            (bz * 0.0020000000949949026 * 0.25) + 0.15123000741004944);
        float n11 = (float)DUtils.Perlin(
            (bx * 0.0020000000949949026 * 0.25) + 0.32100000977516174,
            (bz * 0.0020000000949949026 * 0.25) + 0.23100000619888306);
        float v = Math.Abs((float)((double)n10 - n11));
        float channel = (float)(1.0 - DUtils.LerpStep(0.02f, 0.12f, v));
        channel = (float)((double)channel * DUtils.SmoothStep(744f, 1000f, dist));
        h = (float)(h * (1.0 - channel));

        if (dist > 10000f)
        {
            h = DUtils.Lerp(h, -0.2f, DUtils.LerpStep(10000f, 10500f, dist));
            if (dist > 10490f)
            {
                h = DUtils.Lerp(h, -2f, DUtils.LerpStep(10490f, 10500f, dist));
            }

            return (float)((h * 1.0) + 0.0);
        }

        if (dist < MinMountainDistance && h > 0.28f)
        {
            // The divisor is (double)(0.38f - 0.28f), not 0.1f.
            float t = (float)DUtils.Clamp01((h - 0.2800000011920929) / 0.099999994039535522);
            h = DUtils.Lerp(
                DUtils.Lerp(0.28f, 0.38f, t),
                h,
                DUtils.LerpStep((float)(MinMountainDistance - 400.0), MinMountainDistance, dist));
        }

        // The game ends with h * 1f + 0f, which turns −0 into +0.
        return (float)((h * 1.0) + 0.0);
    }

    /// <summary><c>GetBiome(x, z)</c> with the vanilla defaults (ocean level 0.02, water not always ocean). Order matters.</summary>
    public Biome GetBiome(float x, float z) => GetBiome(x, z, GetBaseHeight(x, z), WorldAngle(x, z));

    private Biome GetBiome(float x, float z, float baseHeight, float worldAngle)
    {
        float dist = DUtils.Length(x, z);
        float wobble = (float)(worldAngle * 100.0);
        if (IsAshlands(x, z, worldAngle))
        {
            return Biome.AshLands;
        }

        if (baseHeight <= 0.02f)
        {
            return Biome.Ocean;
        }

        if (IsDeepnorth(x, z, worldAngle))
        {
            return Biome.DeepNorth;
        }

        if (baseHeight > 0.4f)
        {
            return Biome.Mountain;
        }

        // The noise masks are tested last in each rule: they cost a Perlin call, the other tests are free.
        if (dist > 2000f && dist < MaxMarshDistance && baseHeight > 0.05f && baseHeight < 0.25f
            && BiomeMask(offset0, x, z) > 0.6f)
        {
            return Biome.Swamp;
        }

        if (dist > (float)(6000.0 + wobble) && dist < 10000f && BiomeMask(offset4, x, z) > MinDarklandNoise)
        {
            return Biome.Mistlands;
        }

        if (dist > (float)(3000.0 + wobble) && dist < 8000f && BiomeMask(offset1, x, z) > 0.4f)
        {
            return Biome.Plains;
        }

        if (dist > (float)(600.0 + wobble) && dist < 6000f && BiomeMask(offset2, x, z) > 0.4f)
        {
            return Biome.BlackForest;
        }

        return dist > (float)(5000.0 + wobble) ? Biome.BlackForest : Biome.Meadows;
    }

    /// <summary>A biome's noise mask: the offset is added first and rounded, then scaled (two roundings).</summary>
    private static float BiomeMask(float offset, float x, float z) =>
        (float)DUtils.Perlin(
            (float)((double)offset + x) * 0.0010000000474974513,
            (float)((double)offset + z) * 0.0010000000474974513);
}
