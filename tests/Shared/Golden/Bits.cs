using System.Globalization;

namespace Vwe.Tests.Golden;

/// <summary>
/// float32 bit patterns as the golden files write them (<c>"0xC3C80000"</c>). Floats are compared by pattern only:
/// −0 and +0 differ, no tolerance.
/// </summary>
internal static class Bits
{
    public static uint Parse(string pattern)
    {
        if (pattern.Length != 10 || !pattern.StartsWith("0x", StringComparison.Ordinal)
            || !uint.TryParse(pattern.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint bits))
        {
            throw new FormatException($"'{pattern}' is not a float32 bit pattern of the form 0xXXXXXXXX");
        }

        return bits;
    }

    public static uint Of(float value) => BitConverter.SingleToUInt32Bits(value);

    /// <summary>A golden decimal that stands for a float32 (README "Conventions"): parse as double, cast to float.</summary>
    public static float FromDecimal(double value) => (float)value;

    /// <summary><c>0x41E00000 (28)</c>: the pattern and the value it stands for.</summary>
    public static string Describe(uint bits) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"0x{bits:X8} ({BitConverter.UInt32BitsToSingle(bits).ToString("R", CultureInfo.InvariantCulture)})");

    public static string Describe(float value) => Describe(Of(value));
}
