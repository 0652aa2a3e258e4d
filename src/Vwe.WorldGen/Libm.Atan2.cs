namespace Vwe.WorldGen;

/// <summary>
/// atan2: with a = |y|, b = |x| and t = min/max ≤ 1, atan t = atan c + atan u where c = j/64 is the nearest
/// table point and u = (n − c·d)/(d + c·n) (n/d = min/max) is formed as a double-double from exact products,
/// |u| ≤ 1/128; the octant then gives t, π/2 − t, π − t or π/2 + t, and y gives the sign. Good to ~2^-66
/// relative before the last rounding.
/// </summary>
internal static partial class Libm
{
    /// <summary>Below 2^-500 a ratio's atan is the ratio (t³/3 is 2^-1000 of it) and its products would underflow.</summary>
    private const double AtanIsIdentityBelow = 3.054936363499605E-151;

    /// <summary>2^990 / 2^-400: outside, both operands are scaled by a power of two so the splits stay finite.</summary>
    private const double AtanScaleDownAbove = 1.0463951242053392E+298;

    private const double AtanScaleUpBelow = 3.8725919148493183E-121;

    private const double TwoPowMinus600 = 2.409919865102884E-181;

    private const double TwoPow600 = 4.149515568880993E+180;

    // atan u = u − u³/3 + … − u^11/11; |u| ≤ 1/128 leaves u^13/13 below 2^-87 relative.
    private const double AtanC3 = -1.0 / 3.0;
    private const double AtanC5 = 1.0 / 5.0;
    private const double AtanC7 = -1.0 / 7.0;
    private const double AtanC9 = 1.0 / 9.0;
    private const double AtanC11 = -1.0 / 11.0;

    private static readonly double[] AtanTable = LibmTables.Atan;
    private static readonly double PiHi = LibmTables.PiHi;
    private static readonly double PiLo = LibmTables.PiLo;
    private static readonly double HalfPiHi = LibmTables.HalfPiHi;
    private static readonly double HalfPiLo = LibmTables.HalfPiLo;
    private static readonly double QuarterPi = LibmTables.QuarterPi;
    private static readonly double ThreeQuarterPi = LibmTables.ThreeQuarterPi;

    /// <summary>atan2(y, x) with the IEEE-754 / C99 special cases (signed zeros, infinities, NaN).</summary>
    public static double Atan2(double y, double x)
    {
        if (double.IsNaN(x) || double.IsNaN(y))
        {
            return x + y;
        }

        double a = Math.Abs(y);
        double b = Math.Abs(x);
        bool xNegative = double.IsNegative(x); // −0 counts as negative: atan2(±0, −0) = ±π
        double result;
        if (a == 0)
        {
            result = xNegative ? PiHi : 0.0;
        }
        else if (b == 0)
        {
            result = HalfPiHi;
        }
        else if (double.IsInfinity(a))
        {
            result = double.IsInfinity(b) ? (xNegative ? ThreeQuarterPi : QuarterPi) : HalfPiHi;
        }
        else if (double.IsInfinity(b))
        {
            result = xNegative ? PiHi : 0.0;
        }
        else
        {
            result = AtanOfPositive(a, b, xNegative);
        }

        return double.IsNegative(y) ? -result : result;
    }

    private static double AtanOfPositive(double a, double b, bool xNegative)
    {
        bool swap = a > b;
        double n = swap ? b : a;
        double d = swap ? a : b;
        if (d > AtanScaleDownAbove)
        {
            n *= TwoPowMinus600;
            d *= TwoPowMinus600;
        }
        else if (d < AtanScaleUpBelow)
        {
            n *= TwoPow600;
            d *= TwoPow600;
        }

        double t = n / d;
        double baseHi;
        double baseLo;
        if (t < AtanIsIdentityBelow)
        {
            baseHi = t;
            baseLo = 0.0;
        }
        else
        {
            baseHi = AtanOfRatio(n, d, t, out baseLo);
        }

        // Octants: t, π/2 − t (|y| > |x|), π − t (x < 0), π/2 + t (both).
        if (!swap && !xNegative)
        {
            return baseHi + baseLo;
        }

        double kHi = swap ? HalfPiHi : PiHi;
        double kLo = swap ? HalfPiLo : PiLo;
        if (!(swap && xNegative))
        {
            baseHi = -baseHi;
            baseLo = -baseLo;
        }

        double sh = DoubleDouble.FastTwoSum(kHi, baseHi, out double se); // |k| ≥ |base|: base ≤ π/4 beside π/2
        return sh + (se + kLo + baseLo);
    }

    /// <summary>atan(n/d) for 2^-500 ≤ t = n/d ≤ 1 as a double-double.</summary>
    private static double AtanOfRatio(double n, double d, double t, out double lo)
    {
        int j = (int)((t * LibmTables.AtanSteps) + 0.5);
        double c = j * (1.0 / LibmTables.AtanSteps); // 7 significant bits at most

        // u = (n − c·d)/(d + c·n): n − c·d is exact (n and c·d are within a factor 2) and c·d, c·n are split exactly.
        double cd = DoubleDouble.TwoProductShort(d, c, out double cdLo);
        double numeratorHi = DoubleDouble.FastTwoSum(n - cd, -cdLo, out double numeratorLo);
        double cn = DoubleDouble.TwoProductShort(n, c, out double cnLo);
        double denominatorHi = DoubleDouble.FastTwoSum(d, cn, out double denominatorLo);
        denominatorLo += cnLo;

        double uh = numeratorHi / denominatorHi;
        double qh = DoubleDouble.TwoProduct(uh, denominatorHi, out double ql);
        double ul = ((numeratorHi - qh) - ql + numeratorLo - (uh * denominatorLo)) / denominatorHi;

        double u2 = uh * uh;
        double tail = (uh * u2 * (AtanC3 + (u2 * (AtanC5 + (u2 * (AtanC7 + (u2 * (AtanC9 + (u2 * AtanC11))))))))) + ul;

        double[] table = AtanTable;
        double hi = DoubleDouble.FastTwoSum(table[2 * j], uh, out double e); // atan(j/64) ≥ 2·|u| for j ≥ 1
        lo = e + table[(2 * j) + 1] + tail;
        return DoubleDouble.FastTwoSum(hi, lo, out lo);
    }
}
