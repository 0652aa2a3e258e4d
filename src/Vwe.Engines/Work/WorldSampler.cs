using Vwe.Engines.Jobs;
using Vwe.WorldGen;

namespace Vwe.Engines.Work;

/// <summary>
/// Evaluates the requested fields at every point of a sample area, exactly as <c>vwe point</c> does
/// (<see cref="Vwe.Maps.Points.PointSample.At"/>), split into contiguous chunks over the thread budget, each on
/// its own <see cref="WorldGenerator.Fork"/>. No value depends on the split.
/// </summary>
internal static class WorldSampler
{
    /// <summary>Below this many points a second thread costs more than it saves.</summary>
    private const int PointsPerChunk = 4096;

    public static SampleResult Sample(
        WorldGenerator world, SampleArea area, SampleFields fields, int threads, CancellationToken cancellationToken)
    {
        int count = area.Count;
        var result = new SampleResult(
            count,
            fields.HasFlag(SampleFields.Biome) ? new ushort[count] : null,
            fields.HasFlag(SampleFields.Height) ? new float[count] : null,
            fields.HasFlag(SampleFields.BaseHeight) ? new float[count] : null,
            fields.HasFlag(SampleFields.River) ? new float[count] : null,
            fields.HasFlag(SampleFields.Forest) ? new float[count] : null,
            TimeSpan.Zero,
            TimeSpan.Zero);
        int chunks = Math.Max(1, Math.Min(threads, (count + PointsPerChunk - 1) / PointsPerChunk));
        if (chunks == 1)
        {
            Fill(world, area, result, 0, count, cancellationToken);
            return result;
        }

        Parallel.For(
            0,
            chunks,
            new ParallelOptions { MaxDegreeOfParallelism = chunks, CancellationToken = cancellationToken },
            chunk =>
            {
                int start = (int)((long)count * chunk / chunks);
                int end = (int)((long)count * (chunk + 1) / chunks);
                Fill(chunk == 0 ? world : world.Fork(), area, result, start, end, cancellationToken);
            });
        return result;
    }

    private static void Fill(
        WorldGenerator world, SampleArea area, SampleResult result, int start, int end, CancellationToken cancellationToken)
    {
        for (int index = start; index < end; index++)
        {
            if ((index & 1023) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            (float x, float z) = area.At(index);
            if (result.Height is not null)
            {
                float height = world.Sample(x, z, out Biome biome, out _);
                result.Biome?[index] = (ushort)biome;
                result.Height[index] = height;
            }
            else if (result.Biome is not null)
            {
                // The biome alone skips the height, most of a sample's cost (the biomes map tiles); Sample computes
                // the biome by this same call on the same inputs.
                result.Biome[index] = (ushort)world.GetBiome(x, z);
            }

            result.BaseHeight?[index] = world.GetBaseHeight(x, z);
            result.River?[index] = world.GetRiverWeight(x, z).Weight;
            result.Forest?[index] = WorldGenerator.GetForestFactor(x, z);
        }
    }
}
