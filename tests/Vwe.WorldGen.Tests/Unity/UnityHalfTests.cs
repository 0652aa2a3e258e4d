using Vwe.WorldGen.Unity;

namespace Vwe.WorldGen.Tests.Unity;

public class UnityHalfTests
{
    [Theory]
    [InlineData(0x00000000u, 0x0000)] // +0
    [InlineData(0x80000000u, 0x8000)] // −0 keeps its sign
    [InlineData(0x3F800000u, 0x3C00)] // 1
    [InlineData(0xC3C80000u, 0xDE40)] // −400, the world edge
    [InlineData(0x477FE000u, 0x7BFF)] // 65504, the largest half
    [InlineData(0x477FEFFFu, 0x7BFF)] // just below 65520
    [InlineData(0x477FF000u, 0x7C00)] // 65520 → +infinity
    [InlineData(0xC77FF000u, 0xFC00)] // −65520 → −infinity
    [InlineData(0x7F800000u, 0x7C00)] // +infinity
    [InlineData(0x38800000u, 0x0400)] // 2^-14, the smallest normal half
    [InlineData(0x33800000u, 0x0001)] // 2^-24, the smallest subnormal half
    public void Exact_and_overflowing_values_convert_as_IEEE_binary16(uint floatBits, int halfBits) =>
        Assert.Equal((ushort)halfBits, UnityHalf.FloatToHalf(BitConverter.UInt32BitsToSingle(floatBits)));

    [Theory]
    [InlineData(0x3F801000u, 0x3C01)] // 1 + 2^-11, halfway between 1 and 1 + 2^-10: ties-to-even would give 0x3C00
    [InlineData(0xBF801000u, 0xBC01)] // the same, negative: away from zero is downwards
    [InlineData(0x3F803000u, 0x3C02)] // 1 + 3·2^-11: halfway, the upper neighbour is also the even one
    [InlineData(0x41F3F000u, 0x4FA0)] // 30.4921875: halfway to 30.5, so half ≥ 30.5 (README §6)
    [InlineData(0x33000000u, 0x0001)] // 2^-25: halfway between 0 and the smallest subnormal, away → 2^-24
    [InlineData(0xB3000000u, 0x8001)] // −2^-25 → −2^-24
    [InlineData(0x33C00000u, 0x0002)] // 3·2^-25: halfway between 1 and 2 subnormal units
    [InlineData(0x387FE000u, 0x0400)] // halfway between the largest subnormal and 2^-14: carries into the exponent
    public void Halfway_values_round_away_from_zero(uint floatBits, int halfBits) =>
        Assert.Equal((ushort)halfBits, UnityHalf.FloatToHalf(BitConverter.UInt32BitsToSingle(floatBits)));

    [Theory]
    [InlineData(0x32FFFFFFu, 0x0000)] // just below 2^-25 → +0
    [InlineData(0xB2FFFFFFu, 0x8000)] // a negative value this small → −0 (README §6: counts as a −0 pattern)
    [InlineData(0x3F800FFFu, 0x3C00)] // just below the 1 + 2^-11 midpoint
    [InlineData(0x3F801001u, 0x3C01)] // just above it
    public void Values_off_the_midpoint_round_to_the_nearest_half(uint floatBits, int halfBits) =>
        Assert.Equal((ushort)halfBits, UnityHalf.FloatToHalf(BitConverter.UInt32BitsToSingle(floatBits)));

    [Fact]
    public void Agrees_with_ties_to_even_everywhere_except_at_midpoints_where_it_goes_away_from_zero()
    {
        int midpoints = 0;
        for (long pattern = 0; pattern <= uint.MaxValue; pattern += 4093)
        {
            float value = BitConverter.UInt32BitsToSingle((uint)pattern);
            if (float.IsNaN(value))
            {
                continue;
            }

            ushort unity = UnityHalf.FloatToHalf(value);
            ushort even = BitConverter.HalfToUInt16Bits((Half)value);
            if (unity == even)
            {
                continue;
            }

            // A disagreement is only allowed exactly halfway, with Unity's answer the larger in magnitude.
            midpoints++;
            double distanceUnity = Math.Abs(value - UnityHalf.Value(unity));
            double distanceEven = Math.Abs(value - UnityHalf.Value(even));
            Assert.True(distanceUnity == distanceEven, $"0x{pattern:X8}: 0x{unity:X4} vs 0x{even:X4} is not a tie");
            Assert.True(Math.Abs(UnityHalf.Value(unity)) > Math.Abs(UnityHalf.Value(even)), $"0x{pattern:X8}: tie not away from zero");
        }

        Assert.True(midpoints > 0, "the sample hit no midpoint where the two roundings differ");
    }

    [Fact]
    public void The_positive_and_negative_sides_are_mirror_images()
    {
        for (uint pattern = 0; pattern < 0x7F800000u; pattern += 997)
        {
            ushort positive = UnityHalf.FloatToHalf(BitConverter.UInt32BitsToSingle(pattern));
            ushort negative = UnityHalf.FloatToHalf(BitConverter.UInt32BitsToSingle(pattern | 0x80000000u));
            Assert.Equal(positive | 0x8000, negative);
        }
    }
}
