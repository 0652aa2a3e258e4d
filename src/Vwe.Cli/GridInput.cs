using System.Globalization;
using Vwe.Maps.Grid;

namespace Vwe.Cli;

/// <summary>The grid options <c>--size N</c> and <c>--pixel-size P</c>, checked with messages in terms of the options.</summary>
internal static class GridInput
{
    /// <summary>The grid of <paramref name="size"/> pixels of <paramref name="pixelSizeText"/> metres.</summary>
    public static GridSpec Parse(int size, string pixelSizeText)
    {
        if (size is < 1 or > GridSpec.MaxSize)
        {
            throw new InputException(
                $"--size {size.ToString(CultureInfo.InvariantCulture)} is outside 1..{GridSpec.MaxSize}; give e.g. 512, or {GridSpec.Minimap.Size} for the game's minimap.");
        }

        var grid = new GridSpec(size, ParsePixelSize(pixelSizeText));

        // Pixel centres are float32 world coordinates; the generator has no answer for infinite ones.
        if (!float.IsFinite(grid.X(0)) || !float.IsFinite(grid.X(size - 1)))
        {
            throw new InputException(
                $"--pixel-size {InputText.Quote(pixelSizeText)} with --size {size} puts pixel centres beyond the float32 range; the world is about 21 000 m across, so give e.g. 12 or 48.");
        }

        return grid;
    }

    private static double ParsePixelSize(string text)
    {
        // double.TryParse also takes "NaN", "Infinity" and "∞", and turns 1e999 into infinity: refused below.
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
        {
            throw new InputException(
                $"--pixel-size {InputText.Quote(text)} is not a number; give the metres between pixel centres as a plain number, e.g. 12 or 1.5 ('.' as decimal mark, no unit).");
        }

        if (!double.IsFinite(value) || value <= 0)
        {
            throw new InputException(
                $"--pixel-size {InputText.Quote(text)} is not a positive finite number of metres; give e.g. 12 or 48.");
        }

        return value;
    }
}
