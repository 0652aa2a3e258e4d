namespace Vwe.WorldGen;

/// <summary>
/// pow: x^y = e^(y·ln x) with both halves in double-double. ln x = e·ln 2 + ln(1/r) + ln(1 + z), where
/// x = 2^e·m, m ∈ [0.75, 1.5), r ≈ 1/m from a table and z = m·r − 1 exact (|z| ≤ 1/384); then
/// y·ln x = (256·n + j)·ln2/256 + f, 2^(j/256) from a table and e^f by Taylor. Good to ~2^-66 relative before
/// the last rounding, so the result is the correctly rounded one except within ~10^-4 ulp of a tie (subnormal
/// results are rounded twice, still within 1 ulp). The generator's exponents 2, 4 and 1.5 take short exact
/// paths (x·x; (x²)² and x·√x in double-double) that are correctly rounded as well.
/// </summary>
internal static partial class Libm
{
    private const long MinNormalBits = 1L << 52;
    private const long BitsOfThreeQuarters = 0x3FE8000000000000L; // 0.75, where m's range [0.75, 1.5) starts
    private const double TwoPow54 = 1.8014398509481984E+16;

    /// <summary>2^900: for x ≠ 1 such a y puts |y·ln x| past 2^846, far beyond overflow and underflow.</summary>
    private const double HugeExponent = 8.452712498170644E+270;

    /// <summary>e^710 overflows (the largest double is e^709.78).</summary>
    private const double ExpOverflowAbove = 710.0;

    /// <summary>e^-746 is below half the smallest subnormal (e^-744.44).</summary>
    private const double ExpUnderflowBelow = -746.0;

    // The short paths: (x²)² for 2^-200 ≤ x ≤ 2^200 and x·√x for 2^-600 ≤ x ≤ 2^600 stay clear of over- and underflow.
    private const double FourthPowerMin = 6.223015277861142E-61;
    private const double FourthPowerMax = 1.6069380442589903E+60;
    private const double ThreeHalvesMin = 2.409919865102884E-181;
    private const double ThreeHalvesMax = 4.149515568880993E+180;

    // ln(1+z) = z − z²/2 + z³·(1/3 − z/4 + … + z^6/9); |z| ≤ 1/384 leaves z^10/10 below 2^-89.
    private const double LogC3 = 1.0 / 3.0;
    private const double LogC4 = -1.0 / 4.0;
    private const double LogC5 = 1.0 / 5.0;
    private const double LogC6 = -1.0 / 6.0;
    private const double LogC7 = 1.0 / 7.0;
    private const double LogC8 = -1.0 / 8.0;
    private const double LogC9 = 1.0 / 9.0;

    // e^f − 1 = f + f²·(1/2 + f/6 + … + f^4/720); |f| ≤ ln2/512 leaves f^7/7! below 2^-79.
    private const double ExpC2 = 1.0 / 2.0;
    private const double ExpC3 = 1.0 / 6.0;
    private const double ExpC4 = 1.0 / 24.0;
    private const double ExpC5 = 1.0 / 120.0;
    private const double ExpC6 = 1.0 / 720.0;

    private static readonly double[] LogInverseTable = LibmTables.LogInverse;
    private static readonly double[] MinusLnInverseTable = LibmTables.MinusLnInverse;
    private static readonly double[] ExpTable = LibmTables.Exp;
    private static readonly double Ln2Head = LibmTables.Ln2Head;
    private static readonly double Ln2Tail = LibmTables.Ln2Tail;
    private static readonly double InvExpStep = LibmTables.InvExpStep;
    private static readonly double ExpStepPart1 = LibmTables.ExpStepPart1;
    private static readonly double ExpStepPart2 = LibmTables.ExpStepPart2;

    /// <summary>x^y with the IEEE-754 / C99 special cases; y = 2 is x·x.</summary>
    public static double Pow(double x, double y)
    {
        if (y == 0 || x == 1)
        {
            return 1.0; // also for NaN
        }

        if (y == 2)
        {
            return x * x;
        }

        if (double.IsNaN(x) || double.IsNaN(y))
        {
            return x + y;
        }

        double ax = Math.Abs(x);
        if (double.IsInfinity(y))
        {
            return ax == 1 ? 1.0 : (ax > 1) == (y > 0) ? double.PositiveInfinity : 0.0;
        }

        bool negate = false;
        if (double.IsNegative(x))
        {
            bool integer = Math.Floor(y) == y;
            if (!integer && ax != 0 && !double.IsInfinity(ax))
            {
                return double.NaN; // negative base, non-integer exponent
            }

            negate = integer && Math.Floor(y * 0.5) != y * 0.5; // odd y keeps the sign
        }

        double result;
        if (ax == 0)
        {
            result = y < 0 ? double.PositiveInfinity : 0.0;
        }
        else if (double.IsInfinity(ax))
        {
            result = y < 0 ? 0.0 : double.PositiveInfinity;
        }
        else if (Math.Abs(y) > HugeExponent)
        {
            result = (ax > 1) == (y > 0) ? double.PositiveInfinity : 0.0;
        }
        else
        {
            result = PowOfPositive(ax, y);
        }

        return negate ? -result : result;
    }

    private static double PowOfPositive(double x, double y)
    {
        if (y == 4.0 && x >= FourthPowerMin && x <= FourthPowerMax)
        {
            return FourthPower(x);
        }

        if (y == 1.5 && x >= ThreeHalvesMin && x <= ThreeHalvesMax)
        {
            return ThreeHalvesPower(x);
        }

        double lh = Ln(x, out double ll);

        // t = y·ln x as a double-double (ll may reach 2^-17, y·ll still errs by only ~2^-70·y); normalised, as
        // e^t takes its low part to first order only.
        double th = DoubleDouble.TwoProduct(y, lh, out double tl);
        th = DoubleDouble.FastTwoSum(th, tl + (y * ll), out tl);
        if (th > ExpOverflowAbove)
        {
            return double.PositiveInfinity;
        }

        if (th < ExpUnderflowBelow)
        {
            return 0.0;
        }

        return Exp(th, tl);
    }

    /// <summary>(x²)² with x² = s + sl and s² = q + ql exact: the error is ~2^-104 relative.</summary>
    private static double FourthPower(double x)
    {
        double s = DoubleDouble.TwoSquare(x, out double sl);
        double q = DoubleDouble.TwoSquare(s, out double ql);
        return q + (ql + (s * (2.0 * sl)) + (sl * sl));
    }

    /// <summary>x·√x with √x = s + sl (sl from the exact residual x − s²): the error is ~2^-104 relative.</summary>
    private static double ThreeHalvesPower(double x)
    {
        double s = Math.Sqrt(x);
        double s2 = DoubleDouble.TwoSquare(s, out double s2Lo);
        double sl = ((x - s2) - s2Lo) / (2.0 * s); // x − s² is exact (Sterbenz)
        double p = DoubleDouble.TwoProduct(x, s, out double pl);
        return p + (pl + (x * sl));
    }

    /// <summary>
    /// ln x for a positive finite x as hi + lo (absolute error ~2^-70); lo is not normalised (up to ~2^-17),
    /// which the one consumer, y·ln x, does not need.
    /// </summary>
    private static double Ln(double x, out double lo)
    {
        long bits = BitConverter.DoubleToInt64Bits(x);
        int shift = 0;
        if (bits < MinNormalBits)
        {
            bits = BitConverter.DoubleToInt64Bits(x * TwoPow54); // subnormal: scale exactly into the normal range
            shift = 54;
        }

        // x = 2^e·m with m ∈ [0.75, 1.5), without a branch: offset the bits so the exponent field flips at 0.75.
        long offset = bits - BitsOfThreeQuarters;
        long exponent = offset >> 52;
        double m = BitConverter.Int64BitsToDouble(bits - (exponent << 52));
        exponent -= shift;

        // z = m·r − 1 exactly: r has 24 bits, so m·r = p + pe exactly, and p − 1 is exact (Sterbenz).
        int i = (int)((m * LibmTables.LogSteps) + 0.5) - LibmTables.LogFirst;
        double p = DoubleDouble.TwoProductShort(m, LogInverseTable[i], out double pe);
        double zh = p - 1.0;
        double zl = pe; // z = zh + zl, |zl| ≤ 2^-53 (left unnormalised: the series takes the cross term zh·zl)

        // ln(1 + z) − z without its leading term, in double (Estrin's scheme keeps the dependency chain short).
        double z2 = zh * zh;
        double poly = LogC3 + (zh * LogC4) + (z2 * (LogC5 + (zh * LogC6) + (z2 * (LogC7 + (zh * LogC8) + (z2 * LogC9)))));

        // e·ln 2 + ln(1/r): the heads are multiples of 2^-42, so their sum is exact; then + z, then the small rest.
        double e = exponent;
        double head = (e * Ln2Head) + MinusLnInverseTable[2 * i];
        double hi = DoubleDouble.FastTwoSum(head, zh, out double err); // |head| ≥ 2^-8 > |z| unless head = 0
        lo = err + (e * Ln2Tail) + MinusLnInverseTable[(2 * i) + 1] + zl - (0.5 * z2) - (zh * zl) + (z2 * zh * poly);
        return hi;
    }

    /// <summary>e^(th + tl) for −746 ≤ th ≤ 710 and |tl| ≤ ulp(th), rounded once (twice for a subnormal result).</summary>
    private static double Exp(double th, double tl)
    {
        // th + tl = k·ln2/256 + fh + fl, |fh| ≲ ln2/512: Cody–Waite; th − k·part1 is exact (k·part1 is exact,
        // then Sterbenz), k·part2 (up to 2^-24) is subtracted exactly into the double-double.
        double kd = Math.Round(th * InvExpStep);
        double fh = DoubleDouble.TwoSum(th - (kd * ExpStepPart1), -(kd * ExpStepPart2), out double fl);
        fl += tl;
        int k = (int)kd;
        int j = k & (LibmTables.ExpSteps - 1);
        int n = k >> 8;

        // e^f − 1 = fh + em1Lo.
        double f2 = fh * fh;
        double poly = ExpC2 + (fh * ExpC3) + (f2 * (ExpC4 + (fh * ExpC5) + (f2 * ExpC6)));
        double em1Lo = fl + (fh * fl) + (f2 * poly);

        // 2^(j/256)·e^f = T + T·fh + T·em1Lo with the T·fh product exact.
        double th2 = ExpTable[2 * j];
        double tl2 = ExpTable[(2 * j) + 1];
        double ph = DoubleDouble.TwoProduct(th2, fh, out double pl);
        double sh = DoubleDouble.FastTwoSum(th2, ph, out double se);
        double v = sh + (se + pl + tl2 + (th2 * em1Lo) + (tl2 * fh));
        return Math.ScaleB(v, n);
    }
}
