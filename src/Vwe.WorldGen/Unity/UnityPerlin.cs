using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Vwe.WorldGen.Unity;

/// <summary>
/// <c>Mathf.PerlinNoise</c> (native <c>PerlinNoise::NoiseNormalized</c>, spec §3). Every operation is float32,
/// in exactly this order and grouping: a reordered sum or a reciprocal multiply changes bits.
/// </summary>
public static class UnityPerlin
{
    /// <summary>
    /// The gradient of each hash as coefficients of (dx, dy) in {−1, 0, 1}. The native code selects and negates
    /// (<c>q + p</c>); multiplying by ±1 and adding gives the same float, except that a zero term may carry the
    /// other sign — which cannot reach the result, because it always ends with <c>+ 0.69f</c>. A table keeps the
    /// hot path free of unpredictable branches.
    /// </summary>
    private static readonly float[] GradientX = BuildGradients(forX: true);
    private static readonly float[] GradientY = BuildGradients(forX: false);

    public static float PerlinNoise(float x, float y) => (Noise(x, y) + 0.69f) / 1.483f;

    private static float Noise(float x, float y)
    {
        ref byte perm = ref MemoryMarshal.GetArrayDataReference(PerlinPermutation.Table);
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

        // Indices stay below 512 (row ≤ 510, row + 1 ≤ 511): the table is the permutation repeated twice.
        int row0 = Unsafe.Add(ref perm, cellX) + cellY;
        int row1 = Unsafe.Add(ref perm, cellX + 1) + cellY;
        int h00 = Unsafe.Add(ref perm, Unsafe.Add(ref perm, row0));
        int h01 = Unsafe.Add(ref perm, Unsafe.Add(ref perm, row0 + 1));
        int h10 = Unsafe.Add(ref perm, Unsafe.Add(ref perm, row1));
        int h11 = Unsafe.Add(ref perm, Unsafe.Add(ref perm, row1 + 1));
        float fx1 = fx - 1f;
        float fy1 = fy - 1f;
        float g00 = Grad(h00, fx, fy);
        float g10 = Grad(h10, fx1, fy);
        float g01 = Grad(h01, fx, fy1);
        float g11 = Grad(h11, fx1, fy1);
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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static float Grad(int hash, float a, float b) =>
        (a * Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(GradientX), hash))
        + (b * Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(GradientY), hash));

    /// <summary>Ken Perlin's gradient selection: low 4 bits pick (p, q) from (a, b, 0); bits 0 and 1 negate them.</summary>
    private static float[] BuildGradients(bool forX)
    {
        var table = new float[256];
        for (int hash = 0; hash < 256; hash++)
        {
            int k = hash & 15;
            float pa;
            float pb;
            float qa;
            float qb;
            if (k < 8)
            {
                (pa, pb) = (1f, 0f);
                (qa, qb) = (0f, k < 4 ? 1f : 0f);
            }
            else
            {
                (pa, pb) = (0f, 1f);
                (qa, qb) = (k == 12 || k == 14 ? 1f : 0f, 0f);
            }

            float pSign = (hash & 1) != 0 ? -1f : 1f;
            float qSign = (hash & 2) != 0 ? -1f : 1f;
            table[hash] = forX ? (pa * pSign) + (qa * qSign) : (pb * pSign) + (qb * qSign);
        }

        return table;
    }
}
