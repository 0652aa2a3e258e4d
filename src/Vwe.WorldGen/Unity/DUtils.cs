namespace Vwe.WorldGen.Unity;

/// <summary>
/// The game's numeric helpers (assembly_utils <c>DUtils</c>, <c>Utils</c>, and the <c>Mathf</c> calls it makes),
/// with the rounding points of spec §4: double interiors, <c>(float)</c> exactly where a float is stored.
/// </summary>
internal static class DUtils
{
    public static float Length(float x, float y) => (float)Math.Sqrt(((double)x * x) + ((double)y * y));

    public static double Length(double x, double y) => Math.Sqrt((x * x) + (y * y));

    public static double Clamp01(double v) => v > 1.0 ? 1.0 : (v < 0.0 ? 0.0 : v);

    public static float Lerp(float a, float b, float t) =>
        t <= 0f ? a : t >= 1f ? b : (float)((a * (1.0 - t)) + ((double)b * t));

    public static double Lerp(double a, double b, double t) =>
        t <= 0.0 ? a : t >= 1.0 ? b : (a * (1.0 - t)) + (b * t);

    public static float LerpStep(float low, float high, float value) =>
        (float)Clamp01(((double)value - low) / ((double)high - low));

    public static double LerpStep(double low, double high, double value) => Clamp01((value - low) / (high - low));

    public static float SmoothStep(float low, float high, float x)
    {
        float t = (float)Clamp01(((double)x - low) / ((double)high - low));
        return (float)((double)t * t * (3.0 - (2.0 * t)));
    }

    /// <summary>A smoothstep whose result is rounded to float and returned as double.</summary>
    public static double MathfLikeSmoothStep(double from, double to, double t)
    {
        t = Clamp01(t);
        t = (-2.0 * t * t * t) + (3.0 * t * t);
        return (float)((to * t) + (from * (1.0 - t)));
    }

    public static double BlendOverlay(double a, double b) =>
        a < 0.5 ? 2.0 * a * b : 1.0 - (2.0 * (1.0 - a) * (1.0 - b));

    public static double InverseLerp(double a, double b, double v) =>
        a == b ? 0.0 : Clamp01((v - a) / (b - a));

    public static double Remap(double v, double inMin, double inMax, double outMin, double outMax) =>
        Lerp(outMin, outMax, InverseLerp(inMin, inMax, v));

    /// <summary><c>DUtils.PerlinNoise(double, double)</c>: both arguments narrowed to float, the result widened.</summary>
    public static double Perlin(double x, double y) => UnityPerlin.PerlinNoise((float)x, (float)y);

    /// <summary><c>DUtils.Fbm(Vector2, int, float, float)</c>: float accumulator, rounded every octave.</summary>
    public static float Fbm(Vec2 p, int octaves, float lacunarity, float gain)
    {
        float sum = 0f;
        float amplitude = 1f;
        float x = p.X;
        float y = p.Y;
        for (int i = 0; i < octaves; i++)
        {
            sum = (float)(sum + (amplitude * Perlin(x, y)));
            amplitude = (float)((double)amplitude * gain);
            x = (float)((double)x * lacunarity);
            y = (float)((double)y * lacunarity);
        }

        return sum;
    }

    /// <summary><c>DUtils.Fbm(Vector2, int, double, double)</c>: double accumulator, coordinates kept in double.</summary>
    public static double Fbm(Vec2 p, int octaves, double lacunarity, double gain)
    {
        double sum = 0.0;
        double amplitude = 1.0;
        double x = p.X;
        double y = p.Y;
        for (int i = 0; i < octaves; i++)
        {
            sum += amplitude * Perlin(x, y);
            amplitude *= gain;
            x *= lacunarity;
            y *= lacunarity;
        }

        return sum;
    }

    /// <summary><c>Mathf.Sin(float)</c>: the double sine rounded to float.</summary>
    public static float Sin(float x) => (float)Libm.Sin(x);

    /// <summary><c>Mathf.Cos(float)</c>.</summary>
    public static float Cos(float x) => (float)Libm.Cos(x);

    /// <summary><c>Mathf.CeilToInt(float)</c>.</summary>
    public static int CeilToInt(float x) => (int)Math.Ceiling((double)x);

    /// <summary><c>Mathf.FloorToInt(float)</c>.</summary>
    public static int FloorToInt(float x) => (int)Math.Floor((double)x);
}
