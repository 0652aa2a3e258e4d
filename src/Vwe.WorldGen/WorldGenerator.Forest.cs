using Vwe.WorldGen.Unity;

namespace Vwe.WorldGen;

/// <summary><c>GetForestFactor</c> (spec §5.9): seed independent; the game plants forest where it is below 1.15.</summary>
public sealed partial class WorldGenerator
{
    public static float GetForestFactor(float x, float z)
    {
        float fx = (float)((float)(x * 0.009999999776482582) * 0.4000000059604645);
        float fz = (float)((float)(z * 0.009999999776482582) * 0.4000000059604645);
        return DUtils.Fbm(new Vec2(fx, fz), 3, 1.6f, 0.7f);
    }
}
