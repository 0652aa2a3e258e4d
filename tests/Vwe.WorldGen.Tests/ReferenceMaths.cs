using System.Numerics;

namespace Vwe.WorldGen.Tests;

/// <summary>
/// An independent double-double (~104-bit) oracle for sin, cos, atan2 and pow, slow and simple: plain Taylor
/// series and Newton steps, exact products by <see cref="Math.FusedMultiplyAdd"/> (exact on every platform,
/// and fine in a test, unlike in the generator). π and ln 2 come from Newton steps, not from the code under
/// test, and the platform's atan2/log serve only as starting guesses that one Newton step corrects.
/// </summary>
internal static class ReferenceMaths
{
    private static readonly Dd HalfPi = ComputeHalfPi();
    private static readonly Dd Ln2 = ComputeLn2();

    /// <summary>π/2 as a double-double.</summary>
    public static Dd HalfPiValue => HalfPi;

    /// <summary>ln 2 as a double-double.</summary>
    public static Dd Ln2Value => Ln2;

    /// <summary>sin x for |x| up to ~10^6 (the reduction keeps ~90 bits absolute).</summary>
    public static Dd Sin(double x) => SinCosDd(new Dd(x, 0), 0);

    /// <summary>sin of a double-double argument.</summary>
    public static Dd Sin(Dd x) => SinCosDd(x, 0);

    /// <summary>cos x for |x| up to ~10^6.</summary>
    public static Dd Cos(double x) => SinCosDd(new Dd(x, 0), 1);

    /// <summary>cos of a double-double argument.</summary>
    public static Dd Cos(Dd x) => SinCosDd(x, 1);

    /// <summary>sin x for any finite x, reduced exactly (BigInteger) by a 1 400-bit π/2.</summary>
    public static Dd SinExact(double x) => SinCosExact(x, 0);

    /// <summary>cos x for any finite x, reduced exactly by a 1 400-bit π/2.</summary>
    public static Dd CosExact(double x) => SinCosExact(x, 1);

    /// <summary>atan2(y, x) for finite, non-zero arguments: one Newton step on x·sin θ − y·cos θ = 0.</summary>
    public static Dd Atan2(double y, double x)
    {
        var theta = new Dd(Math.Atan2(y, x), 0);
        Dd s = SinCosDd(theta, 0);
        Dd c = SinCosDd(theta, 1);
        Dd f = (s * x) - (c * y);
        Dd slope = (c * x) + (s * y);
        return theta - (f / slope);
    }

    /// <summary>x^y for x &gt; 0 and results in the normal range: e^(y·ln x).</summary>
    public static Dd Pow(double x, double y) => Exp(Ln(x) * y);

    /// <summary>ln x for x &gt; 0: ln x = L + ln(1 + d), d = x·e^-L − 1, from L = Math.Log(x).</summary>
    public static Dd Ln(double x)
    {
        var guess = new Dd(Math.Log(x), 0);
        Dd d = (Exp(-guess) * x) - new Dd(1, 0);
        return guess + d - (d * d * 0.5) + (d * d * d * (1.0 / 3.0));
    }

    /// <summary>e^t: t = k·ln 2 + r, e^r by Taylor, scaled by 2^k.</summary>
    public static Dd Exp(Dd t)
    {
        double k = Math.Round(t.Hi / Ln2.Hi);
        Dd r = t - (Ln2 * k);
        Dd e = ExpTaylor(r);
        return new Dd(Math.ScaleB(e.Hi, (int)k), Math.ScaleB(e.Lo, (int)k));
    }

    private static Dd SinCosDd(Dd x, int quadrantShift)
    {
        double k = Math.Round(x.Hi / HalfPi.Hi);
        Dd r = x - (HalfPi * k);
        int quadrant = (int)((((long)k + quadrantShift) % 4) + 4) % 4;
        return quadrant switch
        {
            0 => SinTaylor(r),
            1 => CosTaylor(r),
            2 => -SinTaylor(r),
            _ => -CosTaylor(r),
        };
    }

    /// <summary>x = q·π/2 + r exactly in integers (x = m·2^e, π/2 from Gauss's arctangent formula), then Taylor.</summary>
    private static Dd SinCosExact(double x, int quadrantShift)
    {
        const int bits = 1400;
        long raw = BitConverter.DoubleToInt64Bits(Math.Abs(x));
        int biased = (int)(raw >> 52);
        BigInteger m = biased == 0 ? raw & ((1L << 52) - 1) : (raw & ((1L << 52) - 1)) | (1L << 52);
        int e = biased == 0 ? -1074 : biased - 1075;

        // π/4 = 12·atan(1/18) + 8·atan(1/57) − 5·atan(1/239), so π/2 = 24·… + 16·… − 10·…
        int wide = bits + 40;
        BigInteger halfPi = ((24 * AtanInverse(18, wide)) + (16 * AtanInverse(57, wide)) - (10 * AtanInverse(239, wide))) >> 40;
        BigInteger scaled = e + bits >= 0 ? m << (e + bits) : m >> -(e + bits);
        BigInteger q = BigInteger.DivRem(scaled, halfPi, out BigInteger rest);
        if (rest * 2 > halfPi)
        {
            rest -= halfPi;
            q += 1;
        }

        Dd r = ToDd(rest, bits);
        int quadrant = (int)((q + quadrantShift) % 4);
        Dd value = quadrant switch
        {
            0 => SinTaylor(r),
            1 => CosTaylor(r),
            2 => -SinTaylor(r),
            _ => -CosTaylor(r),
        };
        return x < 0 && quadrantShift == 0 ? -value : value;
    }

    private static BigInteger AtanInverse(int n, int bits)
    {
        BigInteger power = (BigInteger.One << bits) / n;
        BigInteger sum = power;
        for (int k = 1; !power.IsZero; k++)
        {
            power /= n * n;
            sum += (k % 2 == 0 ? power : -power) / ((2 * k) + 1);
        }

        return sum;
    }

    /// <summary>v·2^-scale as a double-double (v of any sign, at least 2^-900 in size).</summary>
    private static Dd ToDd(BigInteger v, int scale)
    {
        int sign = v.Sign;
        BigInteger a = BigInteger.Abs(v);
        int drop = Math.Max(0, (int)a.GetBitLength() - 106);
        BigInteger top = a >> drop;
        double hi = Math.ScaleB((double)(ulong)(top >> 53), drop + 53 - scale);
        double lo = Math.ScaleB((double)(ulong)(top & ((BigInteger.One << 53) - 1)), drop - scale);
        Dd d = new Dd(hi, 0) + new Dd(lo, 0);
        return sign < 0 ? -d : d;
    }

    private static Dd SinTaylor(Dd r)
    {
        Dd r2 = r * r;
        Dd term = r;
        Dd sum = r;
        for (int n = 1; Math.Abs(term.Hi) > 1e-40 * Math.Max(Math.Abs(sum.Hi), 1e-300); n++)
        {
            term = -(term * r2) / (2.0 * n * ((2.0 * n) + 1));
            sum += term;
        }

        return sum;
    }

    private static Dd CosTaylor(Dd r)
    {
        Dd r2 = r * r;
        var term = new Dd(1, 0);
        Dd sum = term;
        for (int n = 1; Math.Abs(term.Hi) > 1e-40; n++)
        {
            term = -(term * r2) / (((2.0 * n) - 1) * 2.0 * n);
            sum += term;
        }

        return sum;
    }

    private static Dd ExpTaylor(Dd r)
    {
        var term = new Dd(1, 0);
        Dd sum = term;
        for (int n = 1; Math.Abs(term.Hi) > 1e-40; n++)
        {
            term = (term * r) / n;
            sum += term;
        }

        return sum;
    }

    /// <summary>π/2 = θ + cos θ + … for θ near π/2: two Newton steps from the double π/2.</summary>
    private static Dd ComputeHalfPi()
    {
        var theta = new Dd(Math.PI / 2, 0);
        for (int i = 0; i < 2; i++)
        {
            // cos(π/2 − ε) = sin ε: θ + cos θ moves θ to π/2 (error ε³/6).
            theta += CosTaylor(theta);
        }

        return theta;
    }

    /// <summary>ln 2 = L + ln(1 + d), d = 2·e^-L − 1, from the double ln 2.</summary>
    private static Dd ComputeLn2()
    {
        var guess = new Dd(Math.Log(2), 0);
        Dd d = (ExpTaylor(-guess) * 2) - new Dd(1, 0);
        return guess + d - (d * d * 0.5);
    }
}

/// <summary>A double-double hi + lo (|lo| ≤ ulp(hi)/2) with accurate +, −, ×, ÷ (relative error ~2^-104).</summary>
internal readonly record struct Dd(double Hi, double Lo)
{
    public static Dd operator -(Dd a) => new(-a.Hi, -a.Lo);

    public static Dd operator +(Dd a, Dd b)
    {
        double s = TwoSum(a.Hi, b.Hi, out double e);
        double t = TwoSum(a.Lo, b.Lo, out double f);
        e += t;
        s = FastTwoSum(s, e, out e);
        e += f;
        s = FastTwoSum(s, e, out e);
        return new(s, e);
    }

    public static Dd operator -(Dd a, Dd b) => a + (-b);

    public static Dd operator *(Dd a, Dd b)
    {
        double p = a.Hi * b.Hi;
        double e = Math.FusedMultiplyAdd(a.Hi, b.Hi, -p) + ((a.Hi * b.Lo) + (a.Lo * b.Hi));
        p = FastTwoSum(p, e, out e);
        return new(p, e);
    }

    public static Dd operator *(Dd a, double b) => a * new Dd(b, 0);

    public static Dd operator /(Dd a, Dd b)
    {
        double q1 = a.Hi / b.Hi;
        Dd r = a - (b * q1);
        double q2 = r.Hi / b.Hi;
        r -= b * q2;
        double q3 = r.Hi / b.Hi;
        q1 = FastTwoSum(q1, q2, out q2);
        return new Dd(q1, q2) + new Dd(q3, 0);
    }

    public static Dd operator /(Dd a, double b) => a / new Dd(b, 0);

    private static double TwoSum(double a, double b, out double e)
    {
        double s = a + b;
        double bb = s - a;
        e = (a - (s - bb)) + (b - bb);
        return s;
    }

    private static double FastTwoSum(double a, double b, out double e)
    {
        double s = a + b;
        e = b - (s - a);
        return s;
    }
}
