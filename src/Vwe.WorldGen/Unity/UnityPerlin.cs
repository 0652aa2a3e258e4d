namespace Vwe.WorldGen.Unity;

/// <summary>
/// <c>Mathf.PerlinNoise</c> (native <c>PerlinNoise::NoiseNormalized</c>, spec §3). Every operation is float32,
/// in exactly this order and grouping: a reordered sum or a reciprocal multiply changes bits.
/// </summary>
public static class UnityPerlin
{
    public static float PerlinNoise(float x, float y) => (Noise(x, y) + 0.69f) / 1.483f;

    private static float Noise(float x, float y)
    {
        byte[] perm = PerlinPermutation.Table;
        x = Math.Abs(x);
        y = Math.Abs(y);
        int ix = (int)x;
        int iy = (int)y;
        int cellX = ix & 255;
        int cellY = iy & 255;
        float fx = x - ix;
        float fy = y - iy;
        float u = Fade(fx < 1f ? fx : 1f);
        float v = Fade(fy < 1f ? fy : 1f);
        int row0 = perm[cellX] + cellY;
        int row1 = perm[cellX + 1] + cellY;
        int h00 = perm[perm[row0]];
        int h01 = perm[perm[row0 + 1]];
        int h10 = perm[perm[row1]];
        int h11 = perm[perm[row1 + 1]];
        float g00 = Grad(h00, fx, fy);
        float g10 = Grad(h10, fx - 1f, fy);
        float g01 = Grad(h01, fx, fy - 1f);
        float g11 = Grad(h11, fx - 1f, fy - 1f);
        float top = ((g11 - g01) * u) + g01;
        float bottom = ((g10 - g00) * u) + g00;
        return ((top - bottom) * v) + bottom;
    }

    private static float Fade(float t)
    {
        float poly = (((t * 6f) - 15f) * t) + 10f;
        float cube = (t * t) * t;
        return poly * cube;
    }

    private static float Grad(int hash, float a, float b)
    {
        int k = hash & 15;
        float p;
        float q;
        if (k < 8)
        {
            p = a;
            q = k < 4 ? b : 0f;
        }
        else
        {
            p = b;
            q = k == 12 || k == 14 ? a : 0f;
        }

        if ((hash & 1) != 0)
        {
            p = -p;
        }

        if ((hash & 2) != 0)
        {
            q = -q;
        }

        return q + p;
    }
}
