using System.Buffers.Binary;
using System.IO.Compression;
using System.Security.Cryptography;

namespace Vwe.Maps.Export.Png;

/// <summary>
/// A streaming PNG encoder for 8-bit RGB pictures, top row first, one row at a time: signature, <c>IHDR</c>,
/// <c>IDAT</c> chunks from <see cref="ZLibStream"/>, <c>IEND</c>. Memory is a few rows whatever the height, and
/// the bytes depend only on the pixels, the filter and the compression level (no time or text chunks).
/// It also hashes the raw RGB rows (<see cref="PixelsSha256"/>): that fingerprint, unlike the file's, does not
/// depend on the zlib build.
/// </summary>
internal sealed class PngWriter : IDisposable
{
    private const int BytesPerPixel = 3;

    private static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly Stream output;
    private readonly PngFilter filter;
    private readonly IdatStream idat;
    private readonly ZLibStream zlib;
    private readonly IncrementalHash pixels = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private readonly int height;
    private readonly byte[] previous;
    private readonly byte[] filtered;
    private int rows;
    private bool finished;

    public PngWriter(Stream output, int width, int height, PngFilter filter, CompressionLevel level)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        this.output = output;
        this.filter = filter;
        this.height = height;
        Width = width;
        previous = new byte[width * BytesPerPixel];
        filtered = new byte[1 + (width * BytesPerPixel)];

        output.Write(Signature);
        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)width);
        BinaryPrimitives.WriteUInt32BigEndian(header[4..], (uint)height);
        header[8] = 8; // bit depth
        header[9] = 2; // colour type: RGB
        header[10] = 0; // compression: deflate
        header[11] = 0; // filter method: adaptive (per-row filter byte)
        header[12] = 0; // no interlace
        PngChunk.Write(output, "IHDR"u8, header);

        idat = new IdatStream(output);
        zlib = new ZLibStream(idat, level, leaveOpen: true);
    }

    public int Width { get; }

    /// <summary>Lower-case hex SHA-256 of the RGB rows, top first, no filter bytes; valid after <see cref="Finish"/>.</summary>
    public string? PixelsSha256 { get; private set; }

    /// <summary>Appends the next row, top to bottom: <see cref="Width"/> · 3 bytes R, G, B.</summary>
    public void WriteRow(ReadOnlySpan<byte> rgb)
    {
        if (rgb.Length != previous.Length)
        {
            throw new ArgumentException($"a row of this {Width}-pixel PNG is {previous.Length} bytes, not {rgb.Length}", nameof(rgb));
        }

        if (rows == height)
        {
            throw new InvalidOperationException($"all {height} rows of the PNG were already written");
        }

        pixels.AppendData(rgb);
        filtered[0] = (byte)filter;
        Span<byte> line = filtered.AsSpan(1);
        switch (filter)
        {
            case PngFilter.None:
                rgb.CopyTo(line);
                break;
            case PngFilter.Sub:
                rgb[..BytesPerPixel].CopyTo(line);
                for (int i = BytesPerPixel; i < rgb.Length; i++)
                {
                    line[i] = (byte)(rgb[i] - rgb[i - BytesPerPixel]);
                }

                break;
            case PngFilter.Up:
                for (int i = 0; i < rgb.Length; i++)
                {
                    line[i] = (byte)(rgb[i] - previous[i]);
                }

                break;
            case PngFilter.Paeth:
                for (int i = 0; i < rgb.Length; i++)
                {
                    int left = i >= BytesPerPixel ? rgb[i - BytesPerPixel] : 0;
                    int upLeft = i >= BytesPerPixel ? previous[i - BytesPerPixel] : 0;
                    line[i] = (byte)(rgb[i] - Paeth(left, previous[i], upLeft));
                }

                break;
            default:
                throw new InvalidOperationException($"unsupported PNG filter {filter}");
        }

        zlib.Write(filtered);
        rgb.CopyTo(previous);
        rows++;
    }

    /// <summary>Ends the picture: closes the zlib stream, writes the last IDAT and IEND. Every row must have been written.</summary>
    public void Finish()
    {
        if (rows != height)
        {
            throw new InvalidOperationException($"PNG finished after {rows} of {height} rows");
        }

        zlib.Dispose();
        idat.Flush();
        PngChunk.Write(output, "IEND"u8, []);
        PixelsSha256 = Convert.ToHexStringLower(pixels.GetHashAndReset());
        finished = true;
    }

    public void Dispose()
    {
        if (!finished)
        {
            // An abandoned picture: let zlib release its native state without writing its tail anywhere.
            idat.Abandon();
            zlib.Dispose();
        }

        idat.Dispose();
        pixels.Dispose();
    }

    // PNG spec §9.4: the neighbour closest to left + above − upper-left, ties to left, then above.
    private static int Paeth(int left, int above, int upLeft)
    {
        int estimate = left + above - upLeft;
        int toLeft = Math.Abs(estimate - left);
        int toAbove = Math.Abs(estimate - above);
        int toUpLeft = Math.Abs(estimate - upLeft);
        if (toLeft <= toAbove && toLeft <= toUpLeft)
        {
            return left;
        }

        return toAbove <= toUpLeft ? above : upLeft;
    }
}
