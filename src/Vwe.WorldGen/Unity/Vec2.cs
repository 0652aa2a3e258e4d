namespace Vwe.WorldGen.Unity;

/// <summary>
/// <c>UnityEngine.Vector2</c> as the game's Mono runtime evaluates it (spec §4 rule 3): interiors in double,
/// each stored component rounded to float. Equality is Unity's epsilon test, not exact.
/// </summary>
public readonly record struct Vec2(float X, float Y)
{
    public float Magnitude => (float)Math.Sqrt(((double)X * X) + ((double)Y * Y));

    public Vec2 Normalized
    {
        get
        {
            float m = Magnitude;
            return m > 1e-5f ? new Vec2((float)((double)X / m), (float)((double)Y / m)) : default;
        }
    }

    public static Vec2 operator +(Vec2 a, Vec2 b) => new(a.X + b.X, a.Y + b.Y);

    public static Vec2 operator -(Vec2 a, Vec2 b) => new(a.X - b.X, a.Y - b.Y);

    public static Vec2 operator *(Vec2 a, float s) => new(a.X * s, a.Y * s);

    public static float Distance(Vec2 a, Vec2 b)
    {
        float dx = a.X - b.X;
        float dy = a.Y - b.Y;
        return (float)Math.Sqrt(((double)dx * dx) + ((double)dy * dy));
    }

    /// <summary>Unity's <c>==</c>: squared distance below 9.9999994E-11f.</summary>
    public bool ApproximatelyEquals(Vec2 other)
    {
        float dx = X - other.X;
        float dy = Y - other.Y;
        return ((double)dx * dx) + ((double)dy * dy) < 9.99999944E-11f;
    }
}
