using System;
using System.Globalization;

namespace Vwe.Plugins.Core.Grid;

/// <summary>
/// An N × N grid of pixel centres, P metres apart, exactly as src/Vwe.Maps' GridSpec (docs/formats.md, "Grid
/// conventions"): row 0 is the southernmost row, column 0 the westernmost; pixel (i, j) samples
/// <c>x = (float)((j − N/2.0)·P + P/2.0)</c>, <c>z = (float)((i − N/2.0)·P + P/2.0)</c>, evaluated in double in
/// that order and rounded once. Do not reorder the arithmetic: the tests hold it to the native one bit for bit.
/// </summary>
public sealed class GridSpec
{
    public const int MaxSize = 16384;

    public GridSpec(int size, double pixelSize)
    {
        if (Problem(size, pixelSize) is { } problem)
        {
            throw new ArgumentOutOfRangeException(size < 1 || size > MaxSize ? nameof(size) : nameof(pixelSize), problem);
        }

        Size = size;
        PixelSize = pixelSize;
    }

    /// <summary>What is wrong with a grid of <paramref name="size"/> × <paramref name="pixelSize"/> m, or null when nothing is.</summary>
    public static string? Problem(int size, double pixelSize)
    {
        if (size < 1 || size > MaxSize)
        {
            return FormattableString.Invariant($"grid size {size} is outside 1..{MaxSize}; give a size such as 512 or 2048");
        }

        if (double.IsNaN(pixelSize) || double.IsInfinity(pixelSize) || pixelSize <= 0)
        {
            return "pixel size " + pixelSize.ToString("R", CultureInfo.InvariantCulture) + " is not a positive finite number of metres; give e.g. 12 or 48";
        }

        return null;
    }

    public int Size { get; }

    /// <summary>Metres between pixel centres.</summary>
    public double PixelSize { get; }

    public long PixelCount => (long)Size * Size;

    /// <summary>The grid's part of a world key, e.g. <c>2048x12</c>: the shortest round-trip pixel size, invariant.</summary>
    public string Key => Size.ToString(CultureInfo.InvariantCulture) + "x" + PixelSize.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>World x (east) of column <paramref name="column"/>.</summary>
    public float X(int column) => Centre(column);

    /// <summary>World z (north) of row <paramref name="row"/>.</summary>
    public float Z(int row) => Centre(row);

    private float Centre(int index) => (float)(((index - (Size / 2.0)) * PixelSize) + (PixelSize / 2.0));
}
