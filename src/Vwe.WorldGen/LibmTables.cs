using System.Numerics;

namespace Vwe.WorldGen;

/// <summary>
/// The constants and tables behind <see cref="Libm"/>, computed once at start-up in exact integer arithmetic
/// (BigInteger fixed point) from textbook series: π by Machin's formula, sin and cos by Taylor, atan by Euler's
/// series, ln by the atanh series, e^x by Taylor. No digit is typed in, so no table can hold a typo, and no
/// platform maths library is involved, so every platform gets the same bits. A double-double (hi, lo) here is
/// hi = the double nearest the value and lo = the double nearest the rest (about 106 correct bits).
/// </summary>
internal static class LibmTables
{
    /// <summary>Steps of the sin/cos table per quadrant: angles j·π/256, j = 0…127.</summary>
    public const int SinCosSteps = 128;

    /// <summary>Steps of the atan table: atan(j/64), j = 0…64.</summary>
    public const int AtanSteps = 64;

    /// <summary>Steps of the log table per unit: a mantissa m ∈ [0.75, 1.5) is looked up by i = round(256·m).</summary>
    public const int LogSteps = 256;

    /// <summary>First index of the log table (0.75 · 256).</summary>
    public const int LogFirst = 192;

    /// <summary>Last index of the log table (1.5 · 256).</summary>
    public const int LogLast = 384;

    /// <summary>Steps of the exp table per ln 2: e^(j·ln2/256) = 2^(j/256), j = 0…255.</summary>
    public const int ExpSteps = 256;

    /// <summary>Fraction bits of the "head" parts of ln 2 and ln(1/r): e·head + head stays exact for |e| &lt; 2^11.</summary>
    public const int LnHeadBits = 42;

    /// <summary>
    /// Fraction bits of <see cref="InvStepFixed"/>: an argument m·2^e (m &lt; 2^53, e ≤ 971) times 256/π keeps
    /// more than 170 correct bits below the binary point, enough for the closest approach of a double to a
    /// multiple of π/256 (about 2^-62 relative).
    /// </summary>
    public const int InvStepBits = 1200;

    /// <summary>Fraction bits of the series for the tables, far beyond the 106 bits a double-double keeps.</summary>
    private const int W = 200;

    /// <summary>Fraction bits of π: <see cref="InvStepBits"/> plus guard bits for the division.</summary>
    private const int PiBits = InvStepBits + 64;

    static LibmTables()
    {
        BigInteger pi = MachinPi(PiBits);

        // π/256 for the sin/cos reduction: as one double-double, and as Cody–Waite parts of 30, 30 and 53 bits
        // (k < 2^23 times a 30-bit part is exact).
        StepHi = RoundToDouble(pi, PiBits + 8, 53, out BigInteger rest);
        StepLo = RoundToDouble(rest, PiBits + 8, 53, out _);
        StepPart1 = RoundToDouble(pi, PiBits + 8, 30, out rest);
        StepPart2 = RoundToDouble(rest, PiBits + 8, 30, out rest);
        StepPart3 = RoundToDouble(rest, PiBits + 8, 53, out _);
        InvStepFixed = (BigInteger.One << (InvStepBits + 8 + PiBits)) / pi;
        InvStep = RoundToDouble(InvStepFixed, InvStepBits, 53, out _);

        PiHi = RoundToDouble(pi, PiBits, 53, out rest);
        PiLo = RoundToDouble(rest, PiBits, 53, out _);
        HalfPiHi = RoundToDouble(pi, PiBits + 1, 53, out rest);
        HalfPiLo = RoundToDouble(rest, PiBits + 1, 53, out _);
        QuarterPi = RoundToDouble(pi, PiBits + 2, 53, out _);
        ThreeQuarterPi = RoundToDouble(3 * pi, PiBits + 2, 53, out _);

        BigInteger piW = pi >> (PiBits - W);
        SinCos = new double[SinCosSteps * 4];
        for (int j = 0; j < SinCosSteps; j++)
        {
            BigInteger angle = (j * piW) >> 8;
            StoreDoubleDouble(SinCos, 4 * j, SinFixed(angle));
            StoreDoubleDouble(SinCos, (4 * j) + 2, CosFixed(angle));
        }

        Atan = new double[(AtanSteps + 1) * 2];
        for (int j = 0; j <= AtanSteps; j++)
        {
            StoreDoubleDouble(Atan, 2 * j, AtanOfRatio(j, AtanSteps));
        }

        // ln 2 = head + tail, the head a multiple of 2^-42 so that e·head is exact; 256/ln 2 and the Cody–Waite
        // parts of ln2/256 (34 bits, so k·part1 is exact for |k| < 2^19, and 53 bits).
        BigInteger ln2 = 2 * AtanhOfRatio(1, 3);
        Ln2Head = RoundToFraction(ln2, W, LnHeadBits, out rest);
        Ln2Tail = RoundToDouble(rest, W, 53, out _);
        InvExpStep = RoundToDouble((BigInteger.One << (2 * W)) / ln2, W - 8, 53, out _);
        ExpStepPart1 = RoundToDouble(ln2, W + 8, 34, out rest);
        ExpStepPart2 = RoundToDouble(rest, W + 8, 53, out _);

        LogInverse = new double[LogLast - LogFirst + 1];
        MinusLnInverse = new double[LogInverse.Length * 2];
        for (int i = 0; i < LogInverse.Length; i++)
        {
            // r ≈ 256/(i + 192) = 1/m cut to 24 significant bits, so m·r is exact in a TwoProductShort; r = 1 at m = 1.
            double r = BitConverter.Int64BitsToDouble(
                BitConverter.DoubleToInt64Bits((double)LogSteps / (i + LogFirst)) & ~((1L << 29) - 1));
            LogInverse[i] = r;
            BigInteger minusLn = -LnOfDouble(r);
            MinusLnInverse[2 * i] = RoundToFraction(minusLn, W, LnHeadBits, out rest);
            MinusLnInverse[(2 * i) + 1] = RoundToDouble(rest, W, 53, out _);
        }

        Exp = new double[ExpSteps * 2];
        for (int j = 0; j < ExpSteps; j++)
        {
            StoreDoubleDouble(Exp, 2 * j, ExpFixed(j * ln2 / ExpSteps));
        }
    }

    /// <summary>π/256 as a double-double.</summary>
    public static double StepHi { get; }

    /// <inheritdoc cref="StepHi"/>
    public static double StepLo { get; }

    /// <summary>π/256 = part1 + part2 + part3 (+ ~2^-120): 30, 30 and 53 significant bits (Cody–Waite).</summary>
    public static double StepPart1 { get; }

    /// <inheritdoc cref="StepPart1"/>
    public static double StepPart2 { get; }

    /// <inheritdoc cref="StepPart1"/>
    public static double StepPart3 { get; }

    /// <summary>256/π rounded to double: picks the table step k = round(x·256/π).</summary>
    public static double InvStep { get; }

    /// <summary>floor(2^<see cref="InvStepBits"/> · 256/π), for the exact reduction of any argument.</summary>
    public static BigInteger InvStepFixed { get; }

    /// <summary>π as a double-double.</summary>
    public static double PiHi { get; }

    /// <inheritdoc cref="PiHi"/>
    public static double PiLo { get; }

    /// <summary>π/2 as a double-double.</summary>
    public static double HalfPiHi { get; }

    /// <inheritdoc cref="HalfPiHi"/>
    public static double HalfPiLo { get; }

    /// <summary>π/4 rounded to double.</summary>
    public static double QuarterPi { get; }

    /// <summary>3π/4 rounded to double.</summary>
    public static double ThreeQuarterPi { get; }

    /// <summary>Per j = 0…127: sin(j·π/256) hi, lo, cos(j·π/256) hi, lo.</summary>
    public static double[] SinCos { get; }

    /// <summary>Per j = 0…64: atan(j/64) hi, lo.</summary>
    public static double[] Atan { get; }

    /// <summary>ln 2 = head + tail, the head a multiple of 2^-42 (42 bits).</summary>
    public static double Ln2Head { get; }

    /// <inheritdoc cref="Ln2Head"/>
    public static double Ln2Tail { get; }

    /// <summary>256/ln 2 rounded to double: picks the exp table step k = round(t·256/ln 2).</summary>
    public static double InvExpStep { get; }

    /// <summary>ln2/256 = part1 + part2 (+ ~2^-95): 34 and 53 significant bits (Cody–Waite).</summary>
    public static double ExpStepPart1 { get; }

    /// <inheritdoc cref="ExpStepPart1"/>
    public static double ExpStepPart2 { get; }

    /// <summary>Per i = 192…384 (stored from 0): r ≈ 256/i with 24 significant bits.</summary>
    public static double[] LogInverse { get; }

    /// <summary>Per i = 192…384 (stored from 0): −ln(r) as head (a multiple of 2^-42) and tail, for r of <see cref="LogInverse"/>.</summary>
    public static double[] MinusLnInverse { get; }

    /// <summary>Per j = 0…255: 2^(j/256) hi, lo.</summary>
    public static double[] Exp { get; }

    /// <summary>
    /// The double nearest v·2^-scale when cut to <paramref name="bits"/> significant bits (ties to even), and
    /// the rest v − that (in the same fixed point). Normal results only, which every constant here is.
    /// </summary>
    public static double RoundToDouble(BigInteger v, int scale, int bits, out BigInteger rest)
    {
        if (v.IsZero)
        {
            rest = BigInteger.Zero;
            return 0.0;
        }

        BigInteger a = BigInteger.Abs(v);
        int shift = Math.Max(0, (int)a.GetBitLength() - bits);
        BigInteger m = a >> shift;
        if (shift > 0)
        {
            BigInteger dropped = a - (m << shift);
            BigInteger half = BigInteger.One << (shift - 1);
            if (dropped > half || (dropped == half && !m.IsEven))
            {
                m += 1;
            }
        }

        BigInteger kept = m << shift;
        rest = v.Sign < 0 ? v + kept : v - kept;
        double d = Math.ScaleB((ulong)m, shift - scale);
        return v.Sign < 0 ? -d : d;
    }

    /// <summary>v·2^-scale rounded to the nearest multiple of 2^-fractionBits, and the rest (same fixed point).</summary>
    private static double RoundToFraction(BigInteger v, int scale, int fractionBits, out BigInteger rest)
    {
        int drop = scale - fractionBits;
        BigInteger m = (v + (BigInteger.One << (drop - 1))) >> drop;
        rest = v - (m << drop);
        return Math.ScaleB((double)(long)m, -fractionBits);
    }

    private static void StoreDoubleDouble(double[] table, int at, BigInteger fixedW)
    {
        table[at] = RoundToDouble(fixedW, W, 53, out BigInteger rest);
        table[at + 1] = RoundToDouble(rest, W, 53, out _);
    }

    /// <summary>π·2^bits by Machin: π = 16·atan(1/5) − 4·atan(1/239), with 32 guard bits.</summary>
    private static BigInteger MachinPi(int bits)
    {
        int wide = bits + 32;
        BigInteger pi = (16 * AtanOfInverse(5, wide)) - (4 * AtanOfInverse(239, wide));
        return pi >> 32;
    }

    /// <summary>atan(1/n)·2^bits = Σ (−1)^k / ((2k+1)·n^(2k+1)).</summary>
    private static BigInteger AtanOfInverse(int n, int bits)
    {
        BigInteger power = (BigInteger.One << bits) / n;
        BigInteger sum = power;
        int nn = n * n;
        for (int k = 1; !power.IsZero; k++)
        {
            power /= nn;
            BigInteger term = power / ((2 * k) + 1);
            sum = (k & 1) == 0 ? sum + term : sum - term;
        }

        return sum;
    }

    /// <summary>sin(θ)·2^W for θ·2^W in [0, π/2], by Taylor.</summary>
    private static BigInteger SinFixed(BigInteger angle)
    {
        BigInteger angle2 = (angle * angle) >> W;
        BigInteger term = angle;
        BigInteger sum = term;
        for (int n = 1; !term.IsZero; n++)
        {
            term = -((term * angle2) >> W) / (2 * n * ((2 * n) + 1));
            sum += term;
        }

        return sum;
    }

    /// <summary>cos(θ)·2^W for θ·2^W in [0, π/2], by Taylor.</summary>
    private static BigInteger CosFixed(BigInteger angle)
    {
        BigInteger angle2 = (angle * angle) >> W;
        BigInteger term = BigInteger.One << W;
        BigInteger sum = term;
        for (int n = 1; !term.IsZero; n++)
        {
            term = -((term * angle2) >> W) / (((2 * n) - 1) * 2 * n);
            sum += term;
        }

        return sum;
    }

    /// <summary>
    /// atan(p/q)·2^W for 0 ≤ p ≤ q by Euler's series atan x = Σ (2n)!!/(2n+1)!! · x^(2n+1)/(1+x²)^(n+1):
    /// every term is positive and the ratio of terms tends to x²/(1+x²) ≤ 1/2.
    /// </summary>
    private static BigInteger AtanOfRatio(int p, int q)
    {
        long denominator = ((long)q * q) + ((long)p * p);
        long square = (long)p * p;
        BigInteger term = (BigInteger.One << W) * p * q / denominator;
        BigInteger sum = term;
        for (int n = 1; !term.IsZero; n++)
        {
            term = term * (2 * n) * square / (((2 * n) + 1) * denominator);
            sum += term;
        }

        return sum;
    }

    /// <summary>atanh(a/b)·2^W = Σ (a/b)^(2k+1)/(2k+1), for |a/b| well below 1.</summary>
    private static BigInteger AtanhOfRatio(BigInteger a, BigInteger b)
    {
        BigInteger power = (a << W) / b;
        BigInteger sum = power;
        BigInteger a2 = a * a;
        BigInteger b2 = b * b;
        for (int k = 1; !power.IsZero; k++)
        {
            power = power * a2 / b2;
            sum += power / ((2 * k) + 1);
        }

        return sum;
    }

    /// <summary>ln(r)·2^W for a positive normal double r, as 2·atanh((r − 1)/(r + 1)) on its exact value.</summary>
    private static BigInteger LnOfDouble(double r)
    {
        long bits = BitConverter.DoubleToInt64Bits(r);
        BigInteger mantissa = (bits & ((1L << 52) - 1)) | (1L << 52);
        int exponent = (int)(bits >> 52) - 1075;

        // r = mantissa·2^exponent with exponent < 0 for r < 2^53: (r − 1)/(r + 1) = (M − 2^-e)/(M + 2^-e).
        BigInteger one = BigInteger.One << -exponent;
        return 2 * AtanhOfRatio(mantissa - one, mantissa + one);
    }

    /// <summary>e^θ·2^W for θ·2^W in [0, 1), by Taylor.</summary>
    private static BigInteger ExpFixed(BigInteger angle)
    {
        BigInteger term = BigInteger.One << W;
        BigInteger sum = term;
        for (int n = 1; !term.IsZero; n++)
        {
            term = ((term * angle) >> W) / n;
            sum += term;
        }

        return sum;
    }
}
