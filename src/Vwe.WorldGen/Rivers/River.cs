using Vwe.WorldGen.Unity;

namespace Vwe.WorldGen.Rivers;

/// <summary><c>WorldGenerator.River</c>: a river (lake to lake) or a stream, as placed during pre-generation.</summary>
public readonly record struct River(
    Vec2 P0,
    Vec2 P1,
    Vec2 Center,
    float WidthMin,
    float WidthMax,
    float CurveWidth,
    float CurveWavelength);

/// <summary><c>WorldGenerator.RiverPoint</c>: one rendered point with its width and squared width.</summary>
public readonly record struct RiverPoint(Vec2 P, float W, float W2);

/// <summary>A 64 m river-grid cell, centred on (64·X, 64·Y).</summary>
public readonly record struct RiverCell(int X, int Y)
{
    /// <summary><c>GetRiverGrid</c>: the cell holding a world position.</summary>
    public static RiverCell Of(float wx, float wz) =>
        new(DUtils.FloorToInt((float)((wx + 32.0) / 64.0)), DUtils.FloorToInt((float)((wz + 32.0) / 64.0)));
}

/// <summary>The result of <c>GetRiverWeight</c>: the strongest weight and the weighted mean width.</summary>
public readonly record struct RiverWeight(float Weight, float Width);
