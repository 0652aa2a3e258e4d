using System.Buffers.Binary;
using Vwe.Maps.Grid;

namespace Vwe.Maps.Tests.Golden;

/// <summary>
/// Assembles the <c>grid.bin</c> layout in memory (ARCHITECTURE "Grid layout", golden README §5): uint16 biome[N·N]
/// then float32 height[N·N], little-endian, row-major, row 0 = south. Checks that every row arrives exactly once.
/// </summary>
internal sealed class GridBinSink(int size) : IGridSink
{
    private readonly bool[] rowWritten = new bool[size];

    public byte[] Payload { get; } = new byte[(long)size * size * (sizeof(ushort) + sizeof(float))];

    public bool Completed { get; private set; }

    public void Write(GridBand band)
    {
        Assert.Equal(size, band.Size);
        int heightsStart = size * size * sizeof(ushort);
        for (int offset = 0; offset < band.RowCount; offset++)
        {
            int row = band.FirstRow + offset;
            Assert.False(rowWritten[row], $"row {row} was written twice");
            rowWritten[row] = true;
            for (int column = 0; column < size; column++)
            {
                int source = (offset * size) + column;
                int pixel = (row * size) + column;
                BinaryPrimitives.WriteUInt16LittleEndian(Payload.AsSpan(pixel * sizeof(ushort)), band.Biomes[source]);
                BinaryPrimitives.WriteSingleLittleEndian(Payload.AsSpan(heightsStart + (pixel * sizeof(float))), band.Heights[source]);
            }
        }
    }

    public void Complete()
    {
        int missing = Array.IndexOf(rowWritten, false);
        Assert.True(missing < 0, $"row {missing} was never written");
        Completed = true;
    }

    public void Dispose()
    {
    }
}
