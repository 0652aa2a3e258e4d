namespace Vwe.WorldGen.Rivers;

/// <summary>
/// The game's <c>m_riverPoints</c> (river cell → point array) as a flat array over the cells rivers can reach.
/// Lakes lie within 10 000 m, river bends stay within length/15 ≤ 334 m of the chord and points reach 2 cells, so
/// every point falls within cell ±165; the array covers ±256. Point arrays are replaced, never modified, so a
/// reader holding an old array keeps reading it — the staleness the game's river cache depends on.
/// </summary>
internal sealed class RiverGrid
{
    private const int Reach = 256;
    private const int Width = (2 * Reach) + 1;

    private readonly RiverPoint[]?[] cells = new RiverPoint[Width * Width][];
    private readonly int[] addedCounts = new int[Width * Width];

    public int CellCount { get; private set; }

    public int PointCount { get; private set; }

    /// <summary>The point array of a cell, or null when it has none.</summary>
    public RiverPoint[]? this[RiverCell cell] => Index(cell) is int index and >= 0 ? cells[index] : null;

    /// <summary>
    /// Appends rendered points to their cells in the order given, each touched cell getting a new array with
    /// its existing points first (<c>RenderRivers</c>' last loop).
    /// </summary>
    public void Append(List<(int Cell, RiverPoint Point)> added)
    {
        var touched = new List<int>();
        foreach ((int cell, _) in added)
        {
            if (addedCounts[cell]++ == 0)
            {
                touched.Add(cell);
            }
        }

        var fill = new Dictionary<int, int>(touched.Count);
        foreach (int cell in touched)
        {
            RiverPoint[]? existing = cells[cell];
            int existingLength = existing?.Length ?? 0;
            var points = new RiverPoint[existingLength + addedCounts[cell]];
            existing?.CopyTo(points, 0);
            cells[cell] = points;
            fill[cell] = existingLength;
            CellCount += existing is null ? 1 : 0;
            PointCount += addedCounts[cell];
            addedCounts[cell] = 0;
        }

        foreach ((int cell, RiverPoint point) in added)
        {
            cells[cell]![fill[cell]++] = point;
        }
    }

    /// <summary>The flat index of a cell, or −1 outside the covered square.</summary>
    public static int Index(RiverCell cell)
    {
        int x = cell.X + Reach;
        int y = cell.Y + Reach;
        return (uint)x < Width && (uint)y < Width ? (y * Width) + x : -1;
    }

    /// <summary>The flat index of a cell that must be covered: a point outside would be a bug in the bound above.</summary>
    public static int RequireIndex(RiverCell cell) =>
        Index(cell) is int index and >= 0
            ? index
            : throw new InvalidOperationException($"river cell ({cell.X}, {cell.Y}) lies outside the river grid of ±{Reach} cells");
}
