namespace Vwe.WorldGen.Unity;

/// <summary>
/// <c>UnityEngine.Random</c> (native xorshift128, spec §2) as an instance, so every generator and thread owns
/// its stream. Float results are real float32 operations, in the game's order; do not simplify.
/// </summary>
public sealed class UnityRandom
{
    /// <summary><c>1f / 8388607f</c> as the native code holds it (bits 0x34000001).</summary>
    private static readonly float ValueScale = BitConverter.UInt32BitsToSingle(0x34000001u);

    private uint s0;
    private uint s1;
    private uint s2;
    private uint s3;

    public UnityRandom(int seed) => InitState(seed);

    /// <summary>The raw four state words, as <c>Random.state</c> exposes them.</summary>
    public RandomState State
    {
        get => new((int)s0, (int)s1, (int)s2, (int)s3);
        set => (s0, s1, s2, s3) = ((uint)value.S0, (uint)value.S1, (uint)value.S2, (uint)value.S3);
    }

    public void InitState(int seed)
    {
        unchecked
        {
            s0 = (uint)seed;
            s1 = (s0 * 1812433253u) + 1u;
            s2 = (s1 * 1812433253u) + 1u;
            s3 = (s2 * 1812433253u) + 1u;
        }
    }

    /// <summary>One xorshift128 step; every other draw is built on it.</summary>
    public uint NextUInt()
    {
        uint t = s0 ^ (s0 << 11);
        s0 = s1;
        s1 = s2;
        s2 = s3;
        s3 = s3 ^ (s3 >> 19) ^ t ^ (t >> 8);
        return s3;
    }

    /// <summary><c>Random.value</c>: [0, 1] inclusive in steps of 1/8388607.</summary>
    public float Value() => (NextUInt() & 0x7FFFFFu) * ValueScale;

    /// <summary><c>Random.Range(float, float)</c>: a reversed lerp in float32; always one draw, even when min == max.</summary>
    public float Range(float min, float max)
    {
        float f = Value();
        float oneMinus = 1f - f;
        float high = oneMinus * max;
        float low = f * min;
        return high + low;
    }

    /// <summary><c>Random.Range(int, int)</c>, max exclusive: unsigned modulo; no draw when min == max.</summary>
    public int Range(int min, int max)
    {
        unchecked
        {
            if (min < max)
            {
                return (int)((uint)min + (NextUInt() % (uint)(max - min)));
            }

            if (min > max)
            {
                return (int)((uint)min - (NextUInt() % (uint)(min - max)));
            }

            return min;
        }
    }

    /// <summary><c>Random.insideUnitCircle</c>: two draws (angle, then radius²); x = cos, y = sin.</summary>
    public (float X, float Y) InsideUnitCircle()
    {
        float angle = Range(0f, BitConverter.UInt32BitsToSingle(0x40C90FDBu));
        float t = Range(0f, 1f);
        float r = (float)Math.Sqrt(t);
        return ((float)Libm.Cos(angle) * r, (float)Libm.Sin(angle) * r);
    }
}

/// <summary>The four xorshift128 state words.</summary>
public readonly record struct RandomState(int S0, int S1, int S2, int S3);
