using Vwe.WorldGen.Unity;

namespace Vwe.WorldGen;

/// <summary><c>GetBiomeHeight</c> and the per-biome height functions (spec §5.6).</summary>
public sealed partial class WorldGenerator
{
    /// <summary><c>GetHeight(x, z)</c> = <c>GetBiomeHeight(GetBiome(x, z), x, z)</c>, in metres.</summary>
    public float GetHeight(float x, float z) => Sample(x, z, out _, out _);

    /// <summary>Biome and height of one point in one pass (the base height and world angle are computed once).</summary>
    public float Sample(float x, float z, out Biome biome, out TerrainMask mask)
    {
        float baseHeight = GetBaseHeight(x, z);
        float worldAngle = WorldAngle(x, z);
        biome = GetBiome(x, z, baseHeight, worldAngle);
        return GetBiomeHeight(biome, x, z, baseHeight, worldAngle, preGeneration: false, riverPreDeepNorth: true, out mask);
    }

    /// <summary><c>GetBiomeHeight(biome, x, z, out mask)</c> in metres, moats and the world edge included.</summary>
    public float GetBiomeHeight(Biome biome, float x, float z, out TerrainMask mask) =>
        GetBiomeHeight(biome, x, z, GetBaseHeight(x, z), WorldAngle(x, z), preGeneration: false, riverPreDeepNorth: true, out mask);

    /// <summary><c>GetPregenerationHeight</c>: no moats, pre-generation variants of AshLands, DeepNorth and Mistlands.</summary>
    internal float GetPregenerationHeight(float x, float z, bool riverPreDeepNorth)
    {
        if (DUtils.Length(x, z) > WaterEdge)
        {
            return -400f; // what GetBiomeHeight returns out there, whatever the biome
        }

        float baseHeight = GetBaseHeight(x, z);
        float worldAngle = WorldAngle(x, z);
        Biome biome = GetBiome(x, z, baseHeight, worldAngle);
        return GetBiomeHeight(biome, x, z, baseHeight, worldAngle, preGeneration: true, riverPreDeepNorth, out _);
    }

    private float GetBiomeHeight(
        Biome biome, float x, float z, float baseHeight, float worldAngle, bool preGeneration, bool riverPreDeepNorth, out TerrainMask mask)
    {
        mask = TerrainMask.Default;

        // Checked before the multiplier here because both are pure: the game computes the moats first.
        if (DUtils.Length(x, z) > WaterEdge)
        {
            return -400f;
        }

        float multiplier = preGeneration
            ? 200f
            : (float)(200.0 * CreateAshlandsGap(x, z, worldAngle) * CreateDeepNorthGap(x, z, worldAngle));
        float h;
        switch (biome)
        {
            case Biome.Swamp:
                h = GetMarshHeight(x, z);
                break;
            case Biome.DeepNorth:
                h = preGeneration ? GetDeepNorthHeightPregenerate(x, z, baseHeight, riverPreDeepNorth) : GetDeepNorthHeight(x, z, baseHeight, out mask);
                break;
            case Biome.Mountain:
                h = GetSnowMountainHeight(x, z, baseHeight);
                break;
            case Biome.BlackForest:
                h = GetForestHeight(x, z, baseHeight);
                break;
            case Biome.Ocean:
                h = baseHeight;
                break;
            case Biome.AshLands:
                h = preGeneration ? GetAshlandsHeightPregenerate(x, z, baseHeight) : GetAshlandsHeight(x, z, baseHeight, worldAngle, out mask);
                break;
            case Biome.Plains:
                h = GetPlainsHeight(x, z, baseHeight);
                break;
            case Biome.Meadows:
                h = GetMeadowsHeight(x, z, baseHeight);
                break;
            case Biome.Mistlands:
                h = preGeneration ? GetForestHeight(x, z, baseHeight) : GetMistlandsHeight(x, z, baseHeight, out mask);
                break;
            default:
                return 0f;
        }

        return (float)((h * (double)multiplier) + 0.0);
    }

    /// <summary>The seed-shifted detail coordinate U or V: rounded to float (a 1/128 m grid).</summary>
    private float DetailCoordinate(float w) => (float)(w + 100000.0 + offset3);

    /// <summary>The shared detail product D(U, V).</summary>
    private static float Detail(float u, float v)
    {
        float d = (float)(DUtils.Perlin(u * 0.009999999776482582, v * 0.009999999776482582)
            * DUtils.Perlin(u * 0.019999999552965164, v * 0.019999999552965164));
        d = (float)(d + (DUtils.Perlin(u * 0.05000000074505806, v * 0.05000000074505806)
            * DUtils.Perlin(u * 0.10000000149011612, v * 0.10000000149011612) * d * 0.5));
        return d;
    }

    /// <summary>The two fine noise octaves every land biome ends with.</summary>
    private static float Fine(float h, float u, float v)
    {
        h = (float)(h + (DUtils.Perlin(u * 0.10000000149011612, v * 0.10000000149011612) * 0.009999999776482582));
        h = (float)(h + (DUtils.Perlin(u * 0.4000000059604645, v * 0.4000000059604645) * 0.003000000026077032));
        return h;
    }

    private float GetMeadowsHeight(float x, float z, float baseHeight)
    {
        float u = DetailCoordinate(x);
        float v = DetailCoordinate(z);
        float h = (float)(baseHeight + (Detail(u, v) * 0.10000000149011612));
        float over = (float)(h - 0.15000000596046448);
        float k = (float)DUtils.Clamp01(baseHeight / 0.4000000059604645);
        if (over > 0f)
        {
            h = (float)(h - (over * ((1.0 - k) * 0.75)));
        }

        h = AddRivers(x, z, h);
        return Fine(h, u, v);
    }

    private float GetPlainsHeight(float x, float z, float baseHeight)
    {
        float u = DetailCoordinate(x);
        float v = DetailCoordinate(z);
        float h = (float)(baseHeight + (Detail(u, v) * 0.10000000149011612));
        float over = (float)(h - 0.15000000596046448);
        float k = (float)DUtils.Clamp01(baseHeight / 0.4000000059604645);
        if (over > 0f)
        {
            // Plains groups the squash differently from Meadows: (over * (1 - k)) * 0.75.
            h = (float)(h - (over * (1.0 - k) * 0.75));
        }

        h = AddRivers(x, z, h);
        return Fine(h, u, v);
    }

    /// <summary><c>GetForestHeight</c>: BlackForest, and Mistlands during pre-generation.</summary>
    private float GetForestHeight(float x, float z, float baseHeight)
    {
        float u = DetailCoordinate(x);
        float v = DetailCoordinate(z);
        float h = (float)(baseHeight + (Detail(u, v) * 0.10000000149011612));
        h = AddRivers(x, z, h);
        return Fine(h, u, v);
    }

    /// <summary><c>GetMarshHeight</c>: no seed offset and no base height.</summary>
    private float GetMarshHeight(float x, float z)
    {
        float u = (float)(x + 100000.0);
        float v = (float)(z + 100000.0);
        float h = 0.137f;
        float n = (float)(DUtils.Perlin(u * 0.03999999910593033, v * 0.03999999910593033)
            * DUtils.Perlin(u * 0.07999999821186066, v * 0.07999999821186066));
        h = (float)(h + (n * 0.029999999329447746));
        h = AddRivers(x, z, h);
        return Fine(h, u, v);
    }

    private float GetMistlandsHeight(float x, float z, float baseHeight, out TerrainMask mask)
    {
        float u = DetailCoordinate(x);
        float v = DetailCoordinate(z);
        float m = (float)(DUtils.Perlin(u * 0.019999999552965164 * 0.699999988079071, v * 0.019999999552965164 * 0.699999988079071)
            * DUtils.Perlin(u * 0.03999999910593033 * 0.699999988079071, v * 0.03999999910593033 * 0.699999988079071));
        m = (float)(m + (DUtils.Perlin(u * 0.029999999329447746 * 0.699999988079071, v * 0.029999999329447746 * 0.699999988079071)
            * DUtils.Perlin(u * 0.05000000074505806 * 0.699999988079071, v * 0.05000000074505806 * 0.699999988079071) * m * 0.5));
        if (m > 0f)
        {
            m = (float)Libm.Pow(m, 1.5);
        }

        float h = (float)(baseHeight + (m * 0.4000000059604645));
        h = AddRivers(x, z, h);
        float k = (float)DUtils.Clamp01(m * 7.0);
        h = (float)(h + (DUtils.Perlin(u * 0.10000000149011612, v * 0.10000000149011612) * 0.029999999329447746 * k));
        h = (float)(h + (DUtils.Perlin(u * 0.4000000059604645, v * 0.4000000059604645) * 0.009999999776482582 * k));
        float alpha = (float)(1.0 - (k * 1.2000000476837158));
        alpha = (float)(alpha - (1.0 - DUtils.LerpStep(0.1f, 0.3f, k)));
        float smooth = (float)(h + (DUtils.Perlin(u * 0.4000000059604645, v * 0.4000000059604645) * 0.0020000000949949026));
        float terrace = (float)((float)Math.Ceiling((float)(h * 400.0)) / 400.0);
        h = DUtils.Lerp(smooth, terrace, k);
        mask = new TerrainMask(0f, 0f, 0f, alpha);
        return h;
    }

    /// <summary><c>GetSnowMountainHeight</c>.</summary>
    private float GetSnowMountainHeight(float x, float z, float baseHeight)
    {
        float u = DetailCoordinate(x);
        float v = DetailCoordinate(z);
        float h = baseHeight;
        float tilt = BaseHeightTilt(x, z);
        h = (float)(h + (float)(h - 0.4000000059604645));
        h = (float)(h + (Detail(u, v) * 0.20000000298023224));
        h = AddRivers(x, z, h);
        h = Fine(h, u, v);
        return (float)(h + (DUtils.Perlin(u * 0.20000000298023224, v * 0.20000000298023224) * 2.0 * tilt));
    }

    private float BaseHeightTilt(float x, float z)
    {
        float west = GetBaseHeight((float)(x - 1.0), z);
        float east = GetBaseHeight((float)(x + 1.0), z);
        float south = GetBaseHeight(x, (float)(z - 1.0));
        float north = GetBaseHeight(x, (float)(z + 1.0));
        return (float)(Math.Abs(east - west) + (double)Math.Abs(south - north));
    }

    /// <summary><c>GetDeepNorthHeight</c> (1.0): Meadows-like on base + 0.1, with the snow mask.</summary>
    private float GetDeepNorthHeight(float x, float z, float baseHeight, out TerrainMask mask)
    {
        float u = DetailCoordinate(x);
        float v = DetailCoordinate(z);

        // Stays double on the evaluation stack: k below uses the unrounded value.
        double raised = baseHeight + (double)0.1f;
        float h = (float)raised;
        h = (float)(h + (Detail(u, v) * 0.10000000149011612));
        float over = (float)(h - 0.15000000596046448);
        float k = (float)DUtils.Clamp01(raised / 0.4000000059604645);
        if (over > 0f)
        {
            h = (float)(h - (over * ((1.0 - k) * 0.75)));
        }

        h = AddRivers(x, z, h);
        h = Fine(h, u, v);
        float g = (float)DUtils.Fbm(
            new Vec2((float)(u * 0.009999999776482582), (float)(v * 0.009999999776482582)), 3, 2.0, 0.5);
        g = (float)((g + 1.0) / 2.0);
        g = (float)(0.30000001192092896 + (g * 0.30000001192092896));
        mask = new TerrainMask(0f, g, 0f, 0f);
        return h;
    }

    /// <summary><c>GetDeepNorthHeightPregenerate</c>: the pre-1.0 formula; +0.1 only in the second stream pass.</summary>
    private float GetDeepNorthHeightPregenerate(float x, float z, float baseHeight, bool riverPreDeepNorth)
    {
        float h = baseHeight;
        if (!riverPreDeepNorth)
        {
            h = (float)(h + 0.10000000149011612);
        }

        float u = DetailCoordinate(x);
        float v = DetailCoordinate(z);
        h = (float)(h + Math.Max(0f, (float)(h - 0.4000000059604645)));
        h = (float)(h + (Detail(u, v) * 0.20000000298023224));
        h = (float)(h * 1.2000000476837158);
        h = AddRivers(x, z, h);
        h = (float)(h + (UnityPerlin.PerlinNoise((float)(u * 0.10000000149011612), (float)(v * 0.10000000149011612)) * 0.009999999776482582));
        return (float)(h + (UnityPerlin.PerlinNoise((float)(u * 0.4000000059604645), (float)(v * 0.4000000059604645)) * 0.003000000026077032));
    }

    /// <summary><c>GetAshlandsHeightPregenerate</c>: rivers last.</summary>
    private float GetAshlandsHeightPregenerate(float x, float z, float baseHeight)
    {
        float u = DetailCoordinate(x);
        float v = DetailCoordinate(z);
        float h = (float)(baseHeight + (Detail(u, v) * 0.10000000149011612));
        h = (float)(h + 0.10000000149011612);
        h = Fine(h, u, v);
        return AddRivers(x, z, h);
    }
}
