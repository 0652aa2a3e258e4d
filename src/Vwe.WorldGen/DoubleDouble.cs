using System.Runtime.CompilerServices;

namespace Vwe.WorldGen;

/// <summary>
/// Error-free transformations on doubles (Dekker, Knuth): a value is carried as an unevaluated sum hi + lo.
/// Only IEEE-754 +, −, × in round-to-nearest are used, so the results are the same on every CPU. No fused
/// multiply-add on purpose: the JIT may only use it when asked, and asking would tie the result to the CPU.
/// </summary>
internal static class DoubleDouble
{
    /// <summary>2^27 + 1: multiplying by it splits a double into two halves of at most 26 significant bits.</summary>
    private const double Splitter = 134217729.0;

    /// <summary>s + e = a + b exactly (Knuth's TwoSum, any magnitudes).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double TwoSum(double a, double b, out double e)
    {
        double s = a + b;
        double bb = s - a;
        e = (a - (s - bb)) + (b - bb);
        return s;
    }

    /// <summary>s + e = a + b exactly when |a| ≥ |b| or a = 0 (Dekker's FastTwoSum).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double FastTwoSum(double a, double b, out double e)
    {
        double s = a + b;
        e = b - (s - a);
        return s;
    }

    /// <summary>hi + lo = a, each half with at most 26 significant bits (Veltkamp); |a| must stay below 2^996.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Split(double a, out double lo)
    {
        double c = Splitter * a;
        double hi = c - (c - a);
        lo = a - hi;
        return hi;
    }

    /// <summary>p + e = a·b exactly (Dekker's TwoProduct), barring overflow and underflow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double TwoProduct(double a, double b, out double e)
    {
        double p = a * b;
        double ah = Split(a, out double al);
        double bh = Split(b, out double bl);
        e = (((ah * bh) - p) + (ah * bl) + (al * bh)) + (al * bl);
        return p;
    }

    /// <summary>p + e = a·b exactly when <paramref name="b"/> has at most 26 significant bits (no split of b needed).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double TwoProductShort(double a, double b, out double e)
    {
        double p = a * b;
        double ah = Split(a, out double al);
        e = ((ah * b) - p) + (al * b);
        return p;
    }

    /// <summary>p + e = a² exactly.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double TwoSquare(double a, out double e)
    {
        double p = a * a;
        double ah = Split(a, out double al);
        e = (((ah * ah) - p) + (2.0 * ah * al)) + (al * al);
        return p;
    }
}
