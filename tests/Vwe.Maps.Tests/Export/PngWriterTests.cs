using System.Buffers.Binary;
using System.IO.Compression;
using System.IO.Hashing;
using System.Security.Cryptography;
using Vwe.Maps.Export.Png;
using Vwe.Maps.Tests.Export.Support;

namespace Vwe.Maps.Tests.Export;

public class PngWriterTests
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void A_picture_decodes_to_the_rows_written_with_every_filter(byte filterType)
    {
        var filter = (PngFilter)filterType;
        byte[][] rows = NoisyRows(37, 23, seed: 5);

        using Picture picture = Picture.Decode(Encode(rows, 37, filter, CompressionLevel.Optimal));

        Assert.Equal((37, 23), (picture.Width, picture.Height));
        for (int y = 0; y < 23; y++)
        {
            for (int x = 0; x < 37; x++)
            {
                uint expected = ((uint)rows[y][3 * x] << 16) | ((uint)rows[y][(3 * x) + 1] << 8) | rows[y][(3 * x) + 2];
                Assert.Equal(expected, picture.Rgb(x, y));
            }
        }
    }

    [Fact]
    public void Large_pictures_are_split_into_idat_chunks_with_valid_crcs_and_decode()
    {
        // Random bytes do not compress: about 270 KB of zlib data, so several 64 KB IDAT chunks.
        byte[][] rows = NoisyRows(300, 300, seed: 9);
        byte[] png = Encode(rows, 300, PngFilter.None, CompressionLevel.Fastest);

        List<(string Type, int Length)> chunks = Chunks(png);

        Assert.Equal("IHDR", chunks[0].Type);
        Assert.Equal("IEND", chunks[^1].Type);
        List<(string Type, int Length)> idat = [.. chunks.Where(chunk => chunk.Type == "IDAT")];
        Assert.True(idat.Count >= 4, $"{idat.Count} IDAT chunks");
        Assert.All(idat.SkipLast(1), chunk => Assert.Equal(IdatStream.ChunkSize, chunk.Length));
        using Picture picture = Picture.Decode(png);
        Assert.Equal(((uint)rows[299][897] << 16) | ((uint)rows[299][898] << 8) | rows[299][899], picture.Rgb(299, 299));
    }

    [Fact]
    public void The_same_rows_give_the_same_bytes_and_the_pixel_hash_is_of_the_raw_rows()
    {
        byte[][] rows = NoisyRows(64, 16, seed: 1);
        using var raw = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (byte[] row in rows)
        {
            raw.AppendData(row);
        }

        var first = new MemoryStream();
        string? pixels;
        using (var writer = new PngWriter(first, 64, 16, PngFilter.Up, CompressionLevel.Optimal))
        {
            foreach (byte[] row in rows)
            {
                writer.WriteRow(row);
            }

            writer.Finish();
            pixels = writer.PixelsSha256;
        }

        Assert.Equal(first.ToArray(), Encode(rows, 64, PngFilter.Up, CompressionLevel.Optimal));
        Assert.Equal(Convert.ToHexStringLower(raw.GetHashAndReset()), pixels);
    }

    [Fact]
    public void Rows_of_the_wrong_length_or_count_are_refused()
    {
        using var writer = new PngWriter(new MemoryStream(), 4, 2, PngFilter.None, CompressionLevel.Fastest);

        Assert.Throws<ArgumentException>(() => writer.WriteRow(new byte[11]));
        writer.WriteRow(new byte[12]);
        Assert.Throws<InvalidOperationException>(writer.Finish);
        writer.WriteRow(new byte[12]);
        Assert.Throws<InvalidOperationException>(() => writer.WriteRow(new byte[12]));
    }

    private static byte[] Encode(byte[][] rows, int width, PngFilter filter, CompressionLevel level)
    {
        var output = new MemoryStream();
        using (var writer = new PngWriter(output, width, rows.Length, filter, level))
        {
            foreach (byte[] row in rows)
            {
                writer.WriteRow(row);
            }

            writer.Finish();
        }

        return output.ToArray();
    }

    // Smooth gradients with noise, so every filter has something to predict and something to miss.
    private static byte[][] NoisyRows(int width, int height, int seed)
    {
        var random = new Random(seed);
        return
        [
            .. Enumerable.Range(0, height).Select(y =>
            {
                byte[] row = new byte[width * 3];
                for (int i = 0; i < row.Length; i++)
                {
                    row[i] = (byte)((seed == 9 ? 0 : (i + (7 * y)) / 3) + random.Next(seed == 9 ? 256 : 12));
                }

                return row;
            }),
        ];
    }

    /// <summary>Walks the chunks after the signature, checking each CRC-32.</summary>
    private static List<(string Type, int Length)> Chunks(byte[] png)
    {
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        var chunks = new List<(string, int)>();
        int offset = 8;
        while (offset < png.Length)
        {
            int length = (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset));
            string type = System.Text.Encoding.ASCII.GetString(png, offset + 4, 4);
            uint crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            Assert.Equal(Crc32.HashToUInt32(png.AsSpan(offset + 4, 4 + length)), crc);
            chunks.Add((type, length));
            offset += 12 + length;
        }

        return chunks;
    }
}
