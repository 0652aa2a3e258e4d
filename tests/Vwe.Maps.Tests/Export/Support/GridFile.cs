using System.Buffers.Binary;

namespace Vwe.Maps.Tests.Export.Support;

/// <summary>Reads grid.bin and layer files by the documented layout, independently of the writer.</summary>
internal sealed class GridFile(byte[] bytes, int size)
{
    public static GridFile Load(string path, int size) => new(File.ReadAllBytes(path), size);

    public int Size => size;

    public ushort Biome(int row, int column) =>
        BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(2 * Index(row, column)));

    public uint HeightBits(int row, int column) =>
        BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan((2 * size * size) + (4 * Index(row, column))));

    /// <summary>The uint32 bit pattern of a float32 layer file's value.</summary>
    public static uint LayerBits(byte[] layer, int size, int row, int column) =>
        BinaryPrimitives.ReadUInt32LittleEndian(layer.AsSpan(4 * ((row * size) + column)));

    private int Index(int row, int column) => (row * size) + column;
}
