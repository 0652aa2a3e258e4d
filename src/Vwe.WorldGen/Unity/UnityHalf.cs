namespace Vwe.WorldGen.Unity;

/// <summary>
/// Unity's <c>Mathf.FloatToHalf</c>, which the game uses for its minimap height cache (golden README §6): IEEE
/// binary16, round to nearest with ties AWAY from zero, |h| ≥ 65 520 → ±infinity. Not .NET's <c>(Half)</c>
/// conversion, which rounds ties to even and so disagrees exactly at the midpoints.
/// </summary>
public static class UnityHalf
{
    public static ushort FloatToHalf(float value)
    {
        uint bits = BitConverter.SingleToUInt32Bits(value);
        ushort sign = (ushort)((bits >> 16) & 0x8000u);
        uint magnitude = bits & 0x7FFFFFFFu;

        if (magnitude > 0x7F800000u)
        {
            return (ushort)(sign | 0x7E00u); // NaN
        }

        if (magnitude >= 0x477FF000u)
        {
            return (ushort)(sign | 0x7C00u); // ≥ 65520 (and infinity): the midpoint above 65504 rounds away, to infinity
        }

        if (magnitude >= 0x38800000u)
        {
            // Normal half: rebias the exponent (127 → 15) and drop 13 mantissa bits; adding half a unit before the
            // truncation rounds halfway cases up in magnitude, i.e. away from zero. A carry moves into the exponent.
            return (ushort)(sign | ((magnitude - 0x38000000u + 0x1000u) >> 13));
        }

        int exponent = (int)(magnitude >> 23);
        if (exponent < 102)
        {
            return sign; // below 2^-25, under half of the smallest subnormal: a signed zero
        }

        // Subnormal half: units of 2^-24, value = significand · 2^(exponent − 150) = significand >> (126 − exponent).
        uint significand = (magnitude & 0x7FFFFFu) | 0x800000u;
        int shift = 126 - exponent;
        return (ushort)(sign | ((significand + (1u << (shift - 1))) >> shift));
    }

    /// <summary>The exact value of a binary16 pattern (widening is exact).</summary>
    public static double Value(ushort half) => (double)BitConverter.UInt16BitsToHalf(half);
}
