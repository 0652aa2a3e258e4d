using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Vwe.Maps.Export;

/// <summary>
/// A new file of a fixed length written at explicit offsets, so bands that arrive north to south can land at
/// their row-major place (row 0 = south first). Values are stored little-endian whatever the host's byte order.
/// </summary>
internal sealed class LittleEndianFile : IDisposable
{
    // Big-endian hosts swap through this many elements at a time; little-endian hosts write the span as is.
    private const int SwapChunk = 1 << 16;

    private readonly SafeFileHandle handle;
    private uint[]? swap32;
    private ushort[]? swap16;

    public LittleEndianFile(string path, long length)
    {
        Length = length;
        handle = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        try
        {
            // Sized up front: a row's offset never depends on which rows were written before it.
            RandomAccess.SetLength(handle, length);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    public long Length { get; }

    public void Write(long offset, ReadOnlySpan<ushort> values)
    {
        CheckRange(offset, (long)values.Length * sizeof(ushort));
        if (BitConverter.IsLittleEndian)
        {
            RandomAccess.Write(handle, MemoryMarshal.AsBytes(values), offset);
            return;
        }

        swap16 ??= new ushort[SwapChunk];
        for (int start = 0; start < values.Length; start += SwapChunk)
        {
            ReadOnlySpan<ushort> part = values.Slice(start, Math.Min(SwapChunk, values.Length - start));
            BinaryPrimitives.ReverseEndianness(part, swap16.AsSpan(0, part.Length));
            RandomAccess.Write(handle, MemoryMarshal.AsBytes(swap16.AsSpan(0, part.Length)), offset + ((long)start * sizeof(ushort)));
        }
    }

    public void Write(long offset, ReadOnlySpan<float> values)
    {
        CheckRange(offset, (long)values.Length * sizeof(float));
        if (BitConverter.IsLittleEndian)
        {
            RandomAccess.Write(handle, MemoryMarshal.AsBytes(values), offset);
            return;
        }

        // Swapping the uint32 bit pattern keeps every float exactly, NaN payloads and −0 included.
        ReadOnlySpan<uint> bits = MemoryMarshal.Cast<float, uint>(values);
        swap32 ??= new uint[SwapChunk];
        for (int start = 0; start < bits.Length; start += SwapChunk)
        {
            ReadOnlySpan<uint> part = bits.Slice(start, Math.Min(SwapChunk, bits.Length - start));
            BinaryPrimitives.ReverseEndianness(part, swap32.AsSpan(0, part.Length));
            RandomAccess.Write(handle, MemoryMarshal.AsBytes(swap32.AsSpan(0, part.Length)), offset + ((long)start * sizeof(float)));
        }
    }

    public void Dispose() => handle.Dispose();

    private void CheckRange(long offset, long count)
    {
        if (offset < 0 || offset + count > Length)
        {
            throw new InvalidOperationException(
                $"write of {count} bytes at offset {offset} would leave the pre-sized file of {Length} bytes");
        }
    }
}
