using System.Buffers.Binary;
using System.IO.Hashing;

namespace Vwe.Maps.Export.Png;

/// <summary>
/// A write-only stream that cuts the zlib data it receives into PNG <c>IDAT</c> chunks of a fixed size (the last
/// one shorter), each with its length and CRC-32 (PNG spec §5.3), so a picture of any size streams through a
/// fixed buffer. Chunk boundaries depend only on the byte count, which keeps the file deterministic.
/// </summary>
internal sealed class IdatStream(Stream output) : Stream
{
    public const int ChunkSize = 1 << 16;

    private static ReadOnlySpan<byte> Type => "IDAT"u8;

    private readonly byte[] buffer = new byte[ChunkSize];
    private int count;
    private bool abandoned;

    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> data)
    {
        if (abandoned)
        {
            return;
        }

        while (!data.IsEmpty)
        {
            int take = Math.Min(data.Length, ChunkSize - count);
            data[..take].CopyTo(buffer.AsSpan(count));
            count += take;
            data = data[take..];
            if (count == ChunkSize)
            {
                EmitChunk();
            }
        }
    }

    /// <summary>Writes the bytes still buffered as a last, shorter chunk. Call once, after the zlib stream is closed.</summary>
    public override void Flush()
    {
        if (count > 0 && !abandoned)
        {
            EmitChunk();
        }
    }

    /// <summary>Drops everything from now on: the picture failed and its file is about to be deleted.</summary>
    public void Abandon() => abandoned = true;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    private void EmitChunk()
    {
        PngChunk.Write(output, Type, buffer.AsSpan(0, count));
        count = 0;
    }
}

/// <summary>One PNG chunk: big-endian length, type, data, CRC-32 of type and data.</summary>
internal static class PngChunk
{
    public static void Write(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(word, (uint)data.Length);
        output.Write(word);
        output.Write(type);
        output.Write(data);
        var crc = new Crc32();
        crc.Append(type);
        crc.Append(data);
        BinaryPrimitives.WriteUInt32BigEndian(word, crc.GetCurrentHashAsUInt32());
        output.Write(word);
    }
}
