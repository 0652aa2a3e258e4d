using Vwe.WorldGen.Noise;
using Vwe.WorldGen.Unity;

namespace Vwe.WorldGen;

/// <summary>
/// <c>GetAshlandsHeight(x, z, out mask, cheap: false)</c> (spec §5.6): double end to end, no rivers. The literals
/// 0.15, 0.02, 0.01, 0.05 and 0.075 below are double literals in the game, not widened floats.
/// </summary>
public sealed partial class WorldGenerator
{
    private float GetAshlandsHeight(float x, float z, float baseHeight, float worldAngle, out TerrainMask mask)
    {
        double a = baseHeight;
        double wobble = worldAngle * 100.0;

        // The ridge ring, centred 1200 m south of the biome's ring centre; double Length, z shift not rounded.
        double r = DUtils.Length((double)x, z - 4000.0 + 1200.0) - (12000.0 + wobble);
        r = 1.0 - DUtils.Clamp01(Math.Abs(r) / 1000.0);
        r = DUtils.MathfLikeSmoothStep(0.1, 1.0, r);
        r *= 1.0 - DUtils.Clamp01(Math.Abs((double)x) / 7500.0);
        double edge = 1.0 - DUtils.Clamp01((DUtils.Length((double)x, (double)z) - 10150.0) / 600.0);

        double shift = (float)(100000f + offset3);
        double nx = x + shift;
        double nz = z + shift;

        double cells = 0.0;
        double frequency = 0.33000001311302185;
        double amplitude = 1.0;
        for (int i = 0; i < 5; i++)
        {
            cells += amplitude * DUtils.MathfLikeSmoothStep(0.0, 1.0, FastNoise.Cellular(nx * frequency, nz * frequency));
            frequency *= 2.0;
            amplitude *= 0.5;
        }

        cells = DUtils.Remap(cells, -1.0, 1.0, 0.0, 1.0);
        double ridge = DUtils.Lerp(r, DUtils.BlendOverlay(r, cells), 0.5);
        double h = DUtils.Lerp(a, 0.15000000596046448, 0.75) + (ridge * 0.5);
        h = DUtils.Lerp(-1.0, h, DUtils.MathfLikeSmoothStep(0.0, 1.0, edge));

        double lavaCells = 0.0;
        frequency = 8.0;
        amplitude = 1.0;
        for (int j = 0; j < 3; j++)
        {
            lavaCells += amplitude * FastNoise.Cellular(nx * frequency, nz * frequency);
            frequency *= 2.0;
            amplitude *= 0.5;
        }

        lavaCells = DUtils.Clamp01(Libm.Pow(DUtils.Remap(lavaCells, -1.0, 1.0, 0.0, 1.0), 4.0) * 2.0);
        double simplex = DUtils.Remap(FastNoise.SimplexFractal(nx * 0.075, nz * 0.075), -1.0, 1.0, 0.0, 1.0);
        h *= Libm.Pow(simplex, 1.399999976158142);

        double f = DUtils.Fbm(new Vec2((float)(nx * 0.009999999776482582), (float)(nz * 0.009999999776482582)), 3, 2.0, 0.5);
        f *= DUtils.Clamp01(DUtils.Remap(r, 0.0, 0.5, 0.5, 1.0));
        f = DUtils.LerpStep(0.699999988079071, 1.0, f);
        f = Libm.Pow(f, 2.0);
        double lava = DUtils.BlendOverlay(f, lavaCells) * DUtils.Clamp01((h - 0.15 - 0.02) / 0.01);
        double dip = DUtils.Remap(
            Libm.Pow(DUtils.Perlin((nx * 0.05) + 5124.0, (nz * 0.05) + 5000.0), 2.0),
            0.0, 1.0, 0.009999999776482582, 0.054999999701976776);
        h = DUtils.Lerp(h, Math.Clamp((float)(h - dip), (float)(0.15 + 0.009999999776482582), 5000f), lava);
        mask = new TerrainMask(0f, 0f, 0f, (float)lava);
        return (float)h;
    }
}
