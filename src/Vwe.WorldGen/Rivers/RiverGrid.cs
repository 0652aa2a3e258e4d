using Vwe.WorldGen.Unity;

namespace Vwe.WorldGen.Rivers;

/// <summary>
/// The game's <c>m_riverPoints</c> (river cell → point array) as a flat array over the cells rivers can reach.
/// Lakes lie within 10 000 m, river bends stay within length/15 ≤ 334 m of the chord and points reach 2 cells, so
/// every point falls within cell ±165; the array covers ±192. Point arrays are replaced, never modified, so a
/// reader holding an old array keeps reading it — the staleness the game's river cache depends on.
/// </summary>
internal sealed class RiverGrid
{
    private const int Reach = 192;
    private const int Width = (2 * Reach) + 1;

    /// <summary>Widths stay below 128 m (rivers 60–100, streams 20), so a point reaches at most 5 × 5 cells.</summary>
    private const int MaxCellsPerPoint = 25;

    private readonly RiverPoint[]?[] cells = new RiverPoint[Width * Width][];
    /// <summary>Per cell, points added by the current <see cref="Append"/>; a cell gets at most a few hundred.</summary>
    private readonly ushort[] addedCounts = new ushort[Width * Width];

    public int CellCount { get; private set; }

    public int PointCount { get; private set; }

    /// <summary>The point array of a cell, or null when it has none.</summary>
    public RiverPoint[]? this[RiverCell cell] => Index(cell) is int index and >= 0 ? cells[index] : null;

    /// <summary>
    /// <c>AddRiverPoint</c> for each point, then <c>RenderRivers</c>' last loop: every point goes to each cell whose
    /// square, widened by the point's width, holds it; each touched cell gets a new array, existing points first,
    /// then the new ones in the order given.
    /// </summary>
    public void Append(List<RiverPoint> added)
    {
        var touched = new List<int>();
        Span<int> reached = stackalloc int[MaxCellsPerPoint];
        foreach (RiverPoint point in added)
        {
            foreach (int cell in reached[..CellsOf(point, reached)])
            {
                if (addedCounts[cell]++ == 0)
                {
                    touched.Add(cell);
                }
            }
        }

        // addedCounts becomes each touched cell's next write position in its new array.
        foreach (int cell in touched)
        {
            RiverPoint[]? existing = cells[cell];
            int existingLength = existing?.Length ?? 0;
            var points = new RiverPoint[existingLength + addedCounts[cell]];
            existing?.CopyTo(points, 0);
            cells[cell] = points;
            CellCount += existing is null ? 1 : 0;
            PointCount += addedCounts[cell];
            addedCounts[cell] = checked((ushort)existingLength);
        }

        foreach (RiverPoint point in added)
        {
            foreach (int cell in reached[..CellsOf(point, reached)])
            {
                cells[cell]![addedCounts[cell]++] = point;
            }
        }

        foreach (int cell in touched)
        {
            addedCounts[cell] = 0;
        }
    }

    /// <summary>
    /// The cells a point reaches, in the game's scan order (rows, then columns): within ceil(width/64) cells,
    /// and inside the cell square widened by the width. Returns how many were written.
    /// </summary>
    private static int CellsOf(RiverPoint point, Span<int> reached)
    {
        int count = 0;
        Vec2 p = point.P;
        float width = point.W;
        var center = RiverCell.Of(p.X, p.Y);
        int reach = DUtils.CeilToInt((float)(width / 64.0));
        float limit = width + 32f;
        for (int y = center.Y - reach; y <= center.Y + reach; y++)
        {
            for (int x = center.X - reach; x <= center.X + reach; x++)
            {
                // InsideRiverGrid: the offset from the cell centre, per axis, in float.
                float dx = p.X - (x * 64f);
                float dy = p.Y - (y * 64f);
                if (Math.Abs(dx) < limit && Math.Abs(dy) < limit)
                {
                    reached[count++] = RequireIndex(new RiverCell(x, y));
                }
            }
        }

        return count;
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
