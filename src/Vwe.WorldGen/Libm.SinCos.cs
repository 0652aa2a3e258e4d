using System.Numerics;

namespace Vwe.WorldGen;

/// <summary>
/// sin and cos: x = k·π/256 + r with |r| ≤ π/512, then sin(a + r) = sin a + cos a·sin r + sin a·(cos r − 1)
/// with sin a, cos a of a = (k mod 128)·π/256 from a double-double table and the quadrant from k div 128.
/// The large products are kept exact (TwoProduct), so the sum before the last rounding is good to about
/// 2^-66 relative and the result is the correctly rounded one except within ~10^-4 ulp of a tie.
/// </summary>
internal static partial class Libm
{
    private const int SinCosMask = LibmTables.SinCosSteps - 1;

    /// <summary>k·part is exact for the 30-bit Cody–Waite parts while k &lt; 2^23, i.e. |x| ≲ 102 943.</summary>
    private const double FastReductionLimit = 8388608.0;

    /// <summary>2^-26: below it sin x rounds to x (x³/6 is under half an ulp).</summary>
    private const double SinIsIdentityBelow = 1.4901161193847656E-08;

    /// <summary>2^-27: below it cos x rounds to 1 (x²/2 is under half an ulp of 1⁻).</summary>
    private const double CosIsOneBelow = 7.450580596923828E-09;

    /// <summary>2^-28: an |r| this small next to a multiple of π/2 is redone exactly (the fast r is good to ~2^-95).</summary>
    private const double TinyRemainder = 3.725290298461914E-09;

    // Taylor coefficients; |r| ≤ π/512 makes the next terms (r^9/9!, r^8/8!) smaller than 2^-70 relative.
    private const double SinC3 = -1.0 / 6.0;
    private const double SinC5 = 1.0 / 120.0;
    private const double SinC7 = -1.0 / 5040.0;
    private const double CosC4 = 1.0 / 24.0;
    private const double CosC6 = -1.0 / 720.0;

    private static readonly double InvStep = LibmTables.InvStep;
    private static readonly double StepPart1 = LibmTables.StepPart1;
    private static readonly double StepPart2 = LibmTables.StepPart2;
    private static readonly double StepPart3 = LibmTables.StepPart3;
    private static readonly double StepHi = LibmTables.StepHi;
    private static readonly double StepLo = LibmTables.StepLo;
    private static readonly double[] SinCosTable = LibmTables.SinCos;

    /// <summary>sin x; odd (sin(−x) = −sin x), NaN for NaN and ±∞.</summary>
    public static double Sin(double x)
    {
        double ax = Math.Abs(x);
        if (!(ax >= SinIsIdentityBelow))
        {
            return x; // tiny (keeps −0) or NaN
        }

        double s = SinCosOfPositive(ax, 0);
        return x < 0 ? -s : s;
    }

    /// <summary>cos x; even, NaN for NaN and ±∞.</summary>
    public static double Cos(double x)
    {
        double ax = Math.Abs(x);
        if (!(ax >= CosIsOneBelow))
        {
            return double.IsNaN(x) ? x : 1.0;
        }

        // cos x = sin(x + π/2): one quadrant on.
        return SinCosOfPositive(ax, 1);
    }

    private static double SinCosOfPositive(double ax, int quadrantShift)
    {
        double kd = Math.Round(ax * InvStep);
        int k;
        double rh;
        double rl;
        if (kd < FastReductionLimit)
        {
            // Cody–Waite: ax − k·part1 is exact (Sterbenz), k·part2 is exact, k·part3 errs by ~2^-95.
            k = (int)kd;
            rh = DoubleDouble.TwoSum(ax - (kd * StepPart1), -(kd * StepPart2), out rl);
            rl -= kd * StepPart3;
            rh = DoubleDouble.TwoSum(rh, rl, out rl);
            if ((k & SinCosMask) == 0 && Math.Abs(rh) < TinyRemainder)
            {
                k = ReduceExactly(ax, out rh, out rl);
            }
        }
        else
        {
            if (!double.IsFinite(ax))
            {
                return ax - ax; // NaN
            }

            k = ReduceExactly(ax, out rh, out rl);
        }

        int j = k & SinCosMask;
        int quadrant = ((k >> 7) + quadrantShift) & 3;

        double r2 = rh * rh;
        double sinTail = (rh * r2 * (SinC3 + (r2 * (SinC5 + (r2 * SinC7))))) + rl; // sin r − rh
        double cosMinusOne = (r2 * (-0.5 + (r2 * (CosC4 + (r2 * CosC6))))) - (rh * rl);

        // sin(qπ/2 + a + r) = A + B·sin r + A·(cos r − 1), (A, B) = (sin a, cos a) or (cos a, −sin a), sign by q.
        double[] table = SinCosTable;
        int t = 4 * j;
        double ah;
        double al;
        double bh;
        double bl;
        if ((quadrant & 1) == 0)
        {
            ah = table[t];
            al = table[t + 1];
            bh = table[t + 2];
            bl = table[t + 3];
        }
        else
        {
            ah = table[t + 2];
            al = table[t + 3];
            bh = -table[t];
            bl = -table[t + 1];
        }

        double ph = DoubleDouble.TwoProduct(bh, rh, out double pl);
        double sh = DoubleDouble.FastTwoSum(ah, ph, out double se); // |A| ≥ |B·r| for every j (or A = 0)
        double lo = se + pl + al + (bh * sinTail) + (bl * rh) + (ah * cosMinusOne);
        double result = sh + lo;
        return (quadrant & 2) == 0 ? result : -result;
    }

    /// <summary>
    /// Exact reduction (Payne–Hanek style, in integers): ax·256/π = k + f from the 1 200-bit 256/π, r = f·π/256
    /// as a double-double. For arguments beyond the Cody–Waite range and for those within 2^-28 of a multiple
    /// of π/2; it costs about a microsecond. Returns k mod 512 (table step and quadrant).
    /// </summary>
    private static int ReduceExactly(double ax, out double rh, out double rl)
    {
        long bits = BitConverter.DoubleToInt64Bits(ax);
        int biased = (int)(bits >> 52);
        long mantissa = bits & ((1L << 52) - 1);
        int exponent = -1074;
        if (biased != 0)
        {
            mantissa |= 1L << 52;
            exponent = biased - 1075;
        }

        // ax·256/π = product·2^-shift; k = nearest integer, fraction = the rest, |fraction| ≤ 2^(shift−1).
        BigInteger product = mantissa * LibmTables.InvStepFixed;
        int shift = LibmTables.InvStepBits - exponent;
        BigInteger k = (product + (BigInteger.One << (shift - 1))) >> shift;
        BigInteger fraction = product - (k << shift);
        double fh = LibmTables.RoundToDouble(fraction, shift, 53, out BigInteger rest);
        double fl = LibmTables.RoundToDouble(rest, shift, 53, out _);

        rh = DoubleDouble.TwoProduct(fh, StepHi, out double e);
        rl = e + (fh * StepLo) + (fl * StepHi);
        rh = DoubleDouble.FastTwoSum(rh, rl, out rl);
        return (int)(k & 511);
    }
}
