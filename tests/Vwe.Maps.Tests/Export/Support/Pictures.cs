using SkiaSharp;

namespace Vwe.Maps.Tests.Export.Support;

/// <summary>PNG pixels decoded by SkiaSharp (libpng-compatible), independently of our encoder.</summary>
internal sealed class Picture : IDisposable
{
    private readonly SKBitmap bitmap;

    private Picture(SKBitmap bitmap) => this.bitmap = bitmap;

    public int Width => bitmap.Width;

    public int Height => bitmap.Height;

    public static Picture Load(string path)
    {
        using var data = SKData.Create(path) ?? throw new InvalidDataException($"{path} could not be read");
        SKBitmap bitmap = SKBitmap.Decode(data) ?? throw new InvalidDataException($"{path} is not a PNG SkiaSharp can decode");
        return new Picture(bitmap);
    }

    public static Picture Decode(byte[] png) =>
        new(SKBitmap.Decode(png) ?? throw new InvalidDataException("bytes are not a PNG SkiaSharp can decode"));

    /// <summary>0xRRGGBB of pixel (x = column from the left, y = row from the top).</summary>
    public uint Rgb(int x, int y)
    {
        SKColor colour = bitmap.GetPixel(x, y);
        Assert.Equal(255, colour.Alpha);
        return ((uint)colour.Red << 16) | ((uint)colour.Green << 8) | colour.Blue;
    }

    public void Dispose() => bitmap.Dispose();
}
