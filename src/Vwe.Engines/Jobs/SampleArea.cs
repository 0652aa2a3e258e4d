namespace Vwe.Engines.Jobs;

/// <summary>Where a sample looks: a list of points, or a regular region (a map tile). Coordinates become float32 as the game's are.</summary>
public abstract record SampleArea
{
    public abstract int Count { get; }

    /// <summary>The world point of sample <paramref name="index"/> (row-major for a region).</summary>
    public abstract (float X, float Z) At(int index);
}

/// <summary>Points given as x0, z0, x1, z1, … (world metres; x east, z north).</summary>
public sealed record SamplePoints(IReadOnlyList<double> Xz) : SampleArea
{
    public override int Count => Xz.Count / 2;

    public override (float X, float Z) At(int index) => ((float)Xz[2 * index], (float)Xz[(2 * index) + 1]);
}

/// <summary>
/// <paramref name="Columns"/> × <paramref name="Rows"/> samples at x = X + j·Step, z = Z + i·Step (in double, then
/// rounded once to float), row 0 southernmost, rows south to north, columns west to east.
/// </summary>
public sealed record SampleRegion(double X, double Z, double Step, int Columns, int Rows) : SampleArea
{
    public override int Count => Columns * Rows;

    public override (float X, float Z) At(int index)
    {
        int row = index / Columns;
        int column = index - (row * Columns);
        return ((float)(X + (column * Step)), (float)(Z + (row * Step)));
    }
}
