using System.Globalization;
using System.Numerics;

namespace Vwe.WorldGen.Tests;

/// <summary>
/// The integer-series constants and tables of <see cref="LibmTables"/> against the independent double-double
/// oracle: every double-double within 2^-100 of its value, every split part of the promised width.
/// </summary>
public class LibmTablesTests
{
    private static readonly Dd Pi = ReferenceMaths.HalfPiValue * 2.0;

    [Fact]
    public void Pi_and_its_fractions_round_to_the_platforms_pi()
    {
        Assert.Equal(Math.PI, LibmTables.PiHi);
        Assert.Equal(Math.PI / 2, LibmTables.HalfPiHi);
        Assert.Equal(Math.PI / 4, LibmTables.QuarterPi);
        Assert.Equal(Math.PI / 256, LibmTables.StepHi);
        AssertClose(Pi, LibmTables.PiHi, LibmTables.PiLo, "π");
        AssertClose(ReferenceMaths.HalfPiValue, LibmTables.HalfPiHi, LibmTables.HalfPiLo, "π/2");
        Assert.Equal((Pi * 0.75).Hi, LibmTables.ThreeQuarterPi);
    }

    [Fact]
    public void The_sin_cos_reduction_constants_split_pi_over_256_as_promised()
    {
        Dd step = Pi / 256.0;
        AssertClose(step, LibmTables.StepHi, LibmTables.StepLo, "π/256");
        Assert.True(SignificantBits(LibmTables.StepPart1) <= 30 && SignificantBits(LibmTables.StepPart2) <= 30);
        Dd parts = new Dd(LibmTables.StepPart1, 0) + new Dd(LibmTables.StepPart2, 0) + new Dd(LibmTables.StepPart3, 0);
        Assert.True(Math.Abs((parts - step).Hi) < Math.ScaleB(step.Hi, -110), "π/256 parts");
        Assert.Equal((new Dd(256, 0) / Pi).Hi, LibmTables.InvStep);

        // The top 106 bits of the 1 200-bit 256/π.
        BigInteger top = LibmTables.InvStepFixed >> (LibmTables.InvStepBits - 99);
        var fromFixed = new Dd(Math.ScaleB((double)(ulong)(top >> 53), 53 - 99), 0)
            + new Dd(Math.ScaleB((double)(ulong)(top & ((BigInteger.One << 53) - 1)), -99), 0);
        Assert.True(Math.Abs((fromFixed - (new Dd(256, 0) / Pi)).Hi) < Math.ScaleB(1.0, -95), "256/π fixed point");
    }

    [Fact]
    public void The_sin_cos_table_holds_sin_and_cos_of_multiples_of_pi_over_256()
    {
        for (int j = 0; j < LibmTables.SinCosSteps; j++)
        {
            Dd angle = ReferenceMaths.HalfPiValue * (j / 128.0);
            AssertClose(ReferenceMaths.Sin(angle), LibmTables.SinCos[4 * j], LibmTables.SinCos[(4 * j) + 1], $"sin({j}π/256)");
            AssertClose(ReferenceMaths.Cos(angle), LibmTables.SinCos[(4 * j) + 2], LibmTables.SinCos[(4 * j) + 3], $"cos({j}π/256)");
        }
    }

    [Fact]
    public void The_atan_table_holds_atan_of_sixty_fourths()
    {
        Assert.Equal(0.0, LibmTables.Atan[0]);
        for (int j = 1; j <= LibmTables.AtanSteps; j++)
        {
            AssertClose(ReferenceMaths.Atan2(j, 64), LibmTables.Atan[2 * j], LibmTables.Atan[(2 * j) + 1], $"atan({j}/64)");
        }

        AssertClose(Pi / 4.0, LibmTables.Atan[2 * 64], LibmTables.Atan[(2 * 64) + 1], "atan(1) = π/4");
    }

    [Fact]
    public void The_pow_constants_split_ln2_as_promised()
    {
        Dd ln2 = ReferenceMaths.Ln2Value;
        Assert.True(IsMultipleOf2ToThe(-LibmTables.LnHeadBits, LibmTables.Ln2Head), "ln 2 head");
        Assert.True(Math.Abs((new Dd(LibmTables.Ln2Head, 0) + new Dd(LibmTables.Ln2Tail, 0) - ln2).Hi) < Math.ScaleB(1.0, -95), "ln 2");
        Assert.Equal((new Dd(256, 0) / ln2).Hi, LibmTables.InvExpStep);
        Assert.True(SignificantBits(LibmTables.ExpStepPart1) <= 34);
        Dd step = ln2 / 256.0;
        Dd parts = new Dd(LibmTables.ExpStepPart1, 0) + new Dd(LibmTables.ExpStepPart2, 0);
        Assert.True(Math.Abs((parts - step).Hi) < Math.ScaleB(step.Hi, -85), "ln2/256 parts");
    }

    [Fact]
    public void The_log_table_holds_short_inverses_and_their_logarithms()
    {
        for (int i = 0; i < LibmTables.LogInverse.Length; i++)
        {
            double r = LibmTables.LogInverse[i];
            double m = (i + LibmTables.LogFirst) / (double)LibmTables.LogSteps;
            Assert.True(SignificantBits(r) <= 24, $"r[{i}] has {SignificantBits(r)} bits");
            Assert.True(Math.Abs((m * r) - 1) < Math.ScaleB(1.0, -22), $"r[{i}] ≈ 1/{m}");

            double head = LibmTables.MinusLnInverse[2 * i];
            double tail = LibmTables.MinusLnInverse[(2 * i) + 1];
            Assert.True(IsMultipleOf2ToThe(-LibmTables.LnHeadBits, head), $"−ln r[{i}] head");
            // The tail (≤ 2^-43) is a double, so head + tail holds ~97 bits below the binary point.
            Dd expected = -ReferenceMaths.Ln(r);
            Assert.True(Math.Abs((new Dd(head, 0) + new Dd(tail, 0) - expected).Hi) <= Math.ScaleB(1.0, -97), $"−ln r[{i}]");
        }

        Assert.Equal(1.0, LibmTables.LogInverse[LibmTables.LogSteps - LibmTables.LogFirst]);
    }

    [Fact]
    public void The_exp_table_holds_powers_of_two_of_256ths()
    {
        for (int j = 0; j < LibmTables.ExpSteps; j++)
        {
            Dd expected = ReferenceMaths.Exp(ReferenceMaths.Ln2Value * (j / 256.0));
            AssertClose(expected, LibmTables.Exp[2 * j], LibmTables.Exp[(2 * j) + 1], $"2^({j}/256)");
        }

        Assert.Equal(1.0, LibmTables.Exp[0]);
        Assert.Equal(0.0, LibmTables.Exp[1]);
    }

    /// <summary>hi is the double nearest the value, lo the rest, together within 2^-100 relative.</summary>
    private static void AssertClose(Dd expected, double hi, double lo, string what)
    {
        Assert.True(Math.Abs(lo) <= Math.ScaleB(Math.Abs(hi), -53), $"{what}: lo {lo} is not below half an ulp of hi {hi}");
        double error = Math.Abs((new Dd(hi, 0) + new Dd(lo, 0) - expected).Hi);
        Assert.True(
            error <= Math.ScaleB(Math.Abs(expected.Hi), -100),
            string.Create(CultureInfo.InvariantCulture, $"{what}: ({hi:R}, {lo:R}) is {error:R} from {expected.Hi:R} + {expected.Lo:R}"));
    }

    private static int SignificantBits(double x)
    {
        long mantissa = (BitConverter.DoubleToInt64Bits(x) & ((1L << 52) - 1)) | (1L << 52);
        return 53 - BitOperations.TrailingZeroCount(mantissa);
    }

    private static bool IsMultipleOf2ToThe(int exponent, double x)
    {
        double scaled = Math.ScaleB(x, -exponent);
        return scaled == Math.Floor(scaled);
    }
}
