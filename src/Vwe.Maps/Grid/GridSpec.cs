using System.Globalization;

namespace Vwe.Maps.Grid;

/// <summary>
/// An N × N grid of pixel centres, P metres apart (the golden layout, ARCHITECTURE "Grid layout"): row 0 is the
/// southernmost row, column 0 the westernmost; pixel (i, j) samples
/// <c>x = (float)((j − N/2.0)·P + P/2.0)</c>, <c>z = (float)((i − N/2.0)·P + P/2.0)</c>, evaluated in double in
/// exactly that order and rounded once. For the golden grids (even N, integer P) every centre is exact.
/// </summary>
public sealed record GridSpec
{
    public const int MaxSize = 16384;

    /// <summary>The game's own minimap grid: 2048 × 2048 pixels of 12 m.</summary>
    public static GridSpec Minimap { get; } = new(2048, 12);

    public GridSpec(int size, double pixelSize)
    {
        if (size is < 1 or > MaxSize)
        {
            throw new ArgumentOutOfRangeException(
                nameof(size), size, $"grid size {size} is outside 1..{MaxSize}; give a size such as 512 or 2048");
        }

        if (!double.IsFinite(pixelSize) || pixelSize <= 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(pixelSize), pixelSize,
                $"pixel size {pixelSize.ToString("R", CultureInfo.InvariantCulture)} is not a positive finite number of metres; give e.g. 12 or 48");
        }

        Size = size;
        PixelSize = pixelSize;
    }

    public int Size { get; }

    /// <summary>Metres per pixel.</summary>
    public double PixelSize { get; }

    public long PixelCount => (long)Size * Size;

    /// <summary>The grid's part of a world key, e.g. <c>2048x12</c> (shortest round-trip pixel size, invariant).</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Size}x{PixelSize:R}");

    /// <summary>World x (east) of column j.</summary>
    public float X(int column) => Centre(column);

    /// <summary>World z (north) of row i.</summary>
    public float Z(int row) => Centre(row);

    private float Centre(int index) => (float)(((index - (Size / 2.0)) * PixelSize) + (PixelSize / 2.0));
}
