using System.Buffers.Binary;
using System.Collections.Concurrent;
using Vwe.Maps.Grid;
using Vwe.Tests.Golden;
using Vwe.WorldGen;

namespace Vwe.Maps.Tests.Golden;

/// <summary>A grid sampled by <see cref="GridSampler"/> into the <c>grid.bin</c> layout.</summary>
internal sealed class SampledGrid
{
    private static readonly ConcurrentDictionary<(int Seed, GridSpec Grid), Lazy<SampledGrid>> Cache = new();

    private SampledGrid(int seed, GridSpec grid, byte[] payload)
    {
        Seed = seed;
        Grid = grid;
        Payload = payload;
    }

    public int Seed { get; }

    public GridSpec Grid { get; }

    public int Size => Grid.Size;

    public int PixelCount => Size * Size;

    public byte[] Payload { get; }

    /// <summary>The grid of a world sampled on two threads, computed once per test run (a 2048² grid takes seconds).</summary>
    public static SampledGrid Get(int seed, GridSpec grid) =>
        Cache.GetOrAdd((seed, grid), static key => new Lazy<SampledGrid>(() => Sample(key.Seed, key.Grid, threads: 2))).Value;

    public static SampledGrid Sample(int seed, GridSpec grid, int threads)
    {
        using var sink = new GridBinSink(grid.Size);
        GridSampler.Sample(SharedGenerators.Fork(seed), grid, GridLayers.None, threads, [sink]);
        Assert.True(sink.Completed, "the sampler returned without completing its sink");
        return new SampledGrid(seed, grid, sink.Payload);
    }

    public static Biome BiomeAt(byte[] payload, int pixel) =>
        (Biome)BinaryPrimitives.ReadUInt16LittleEndian(payload.AsSpan(pixel * sizeof(ushort)));

    public static uint HeightBitsAt(byte[] payload, int pixelCount, int pixel) =>
        BinaryPrimitives.ReadUInt32LittleEndian(payload.AsSpan((pixelCount * sizeof(ushort)) + (pixel * sizeof(float))));

    public Biome BiomeAt(int pixel) => BiomeAt(Payload, pixel);

    public uint HeightBitsAt(int pixel) => HeightBitsAt(Payload, PixelCount, pixel);

    public float HeightAt(int pixel) => BitConverter.UInt32BitsToSingle(HeightBitsAt(pixel));
}
