namespace Vwe.WorldGen;

/// <summary>
/// The transcendental functions the generator calls (spec §4, "Transcendentals"). Every call site goes through
/// here so the implementation behind them is chosen in one place.
/// </summary>
internal static class Libm
{
    public static double Sin(double x) => Math.Sin(x);

    public static double Cos(double x) => Math.Cos(x);

    public static double Atan2(double y, double x) => Math.Atan2(y, x);

    public static double Pow(double x, double y) => Math.Pow(x, y);
}
