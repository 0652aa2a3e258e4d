using SkiaSharp;

namespace Vwe.Service.Tests.Support;

/// <summary>A tile's PNG decoded by SkiaSharp, independently of the service's encoder.</summary>
internal sealed class TilePicture : IDisposable
{
    private readonly SKBitmap bitmap;

    private TilePicture(SKBitmap bitmap) => this.bitmap = bitmap;

    public int Width => bitmap.Width;

    public int Height => bitmap.Height;

    public static TilePicture Decode(byte[] png) =>
        new(SKBitmap.Decode(png) ?? throw new InvalidDataException($"{png.Length} bytes are not a PNG SkiaSharp can decode"));

    /// <summary>0xRRGGBB of the pixel in <paramref name="row"/> (from the top) and <paramref name="column"/> (from the left).</summary>
    public uint Rgb(int row, int column)
    {
        SKColor colour = bitmap.GetPixel(column, row);
        Assert.Equal(255, colour.Alpha);
        return ((uint)colour.Red << 16) | ((uint)colour.Green << 8) | colour.Blue;
    }

    public void Dispose() => bitmap.Dispose();
}
