namespace Vwe.Maps.Tiles;

/// <summary>
/// The samples behind a tile as a regular region: <see cref="Columns"/> × <see cref="Rows"/> points at
/// x = <see cref="X"/> + j·<see cref="Step"/>, z = <see cref="Z"/> + i·<see cref="Step"/> (in double, rounded once to
/// float32), row 0 southernmost, columns west to east: the layout of the engines' region sample. A terrain tile's
/// region has one more column on the west and one more row on the north (<see cref="Border"/> = 1) for the
/// hillshade's neighbours.
/// </summary>
public sealed record TileRegion(double X, double Z, double Step, int Columns, int Rows, int Border)
{
    public int Count => Columns * Rows;

    /// <summary>The world point of region row <paramref name="row"/> (from the south), column <paramref name="column"/> (from the west).</summary>
    public (float X, float Z) At(int row, int column) => ((float)(X + (column * Step)), (float)(Z + (row * Step)));
}
