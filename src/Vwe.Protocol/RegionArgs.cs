namespace Vwe.Protocol;

/// <summary>
/// A rectangle of sample points: row <c>i</c> (0 = south, rows run north) and column <c>j</c> (0 = west, columns
/// run east) is the point <c>x = X + j·Step</c>, <c>z = Z + i·Step</c>, computed in double and then rounded to
/// float32. Answers list the points row-major: index <c>i·Columns + j</c>.
/// </summary>
public sealed class RegionArgs
{
    /// <summary>x of the south-west point (row 0, column 0), metres east.</summary>
    public double X { get; set; }

    /// <summary>z of the south-west point, metres north.</summary>
    public double Z { get; set; }

    /// <summary>Metres between neighbouring points, in both directions.</summary>
    public double Step { get; set; }

    public int Columns { get; set; }

    public int Rows { get; set; }
}
