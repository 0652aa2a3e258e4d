using Vwe.Engines.Jobs;
using Vwe.Maps.Points;
using Vwe.Pool;
using Vwe.WorldGen;

namespace Vwe.Service.Points;

/// <summary>
/// Answers point queries through the pool, gathering the queries that arrive for a world while one of its
/// samples runs into the next sample request: many clients asking about one world cost one engine round trip
/// per batch, not one per point. A point's values do not depend on the batch it travels in.
/// </summary>
public sealed class PointBatcher(WarmEnginePool pool)
{
    private readonly Lock gate = new();
    private readonly Dictionary<int, WorldQueue> worlds = [];

    /// <summary>The <c>vwe point</c> values at (<paramref name="x"/>, <paramref name="z"/>) of world <paramref name="seed"/>.</summary>
    public Task<PointSample> SampleAsync(int seed, float x, float z, CancellationToken cancellationToken)
    {
        var query = new PointQuery(x, z, cancellationToken);
        bool startBatch;
        lock (gate)
        {
            if (!worlds.TryGetValue(seed, out WorldQueue? queue))
            {
                queue = new WorldQueue();
                worlds.Add(seed, queue);
            }

            queue.Waiting.Add(query);
            startBatch = !queue.Sampling;
            queue.Sampling = true;
        }

        if (startBatch)
        {
            _ = Task.Run(() => SampleBatchesAsync(seed), CancellationToken.None);
        }

        return query.Answer.Task.WaitAsync(cancellationToken);
    }

    /// <summary>Samples what waits for <paramref name="seed"/>, batch after batch, until nothing does.</summary>
    private async Task SampleBatchesAsync(int seed)
    {
        while (TakeBatch(seed) is { } batch)
        {
            try
            {
                var area = new SamplePoints([.. batch.SelectMany(query => new double[] { query.X, query.Z })]);
                // Not cancelled when a client leaves: the others in the batch still want it, and the world stays warm.
                SampleResult result = await pool.SampleAsync(new SampleJob(seed, area, SampleFields.All), CancellationToken.None).ConfigureAwait(false);
                for (int i = 0; i < batch.Count; i++)
                {
                    PointQuery query = batch[i];
                    query.Answer.TrySetResult(new PointSample(
                        seed, query.X, query.Z, PointBiome.Of((Biome)result.Biome![i]), result.Height![i], result.BaseHeight![i], result.River![i], result.Forest![i]));
                }
            }
            catch (Exception exception)
            {
                foreach (PointQuery query in batch)
                {
                    query.Answer.TrySetException(exception);
                }
            }
        }
    }

    /// <summary>The next batch for <paramref name="seed"/>, or null (and the world's queue closed) when none waits.</summary>
    private List<PointQuery>? TakeBatch(int seed)
    {
        lock (gate)
        {
            WorldQueue queue = worlds[seed];
            queue.Waiting.RemoveAll(query => query.Cancellation.IsCancellationRequested);
            if (queue.Waiting.Count == 0)
            {
                worlds.Remove(seed);
                return null;
            }

            int take = Math.Min(queue.Waiting.Count, Vwe.Protocol.ProtocolLimits.MaxSamplePoints);
            List<PointQuery> batch = queue.Waiting.GetRange(0, take);
            queue.Waiting.RemoveRange(0, take);
            return batch;
        }
    }

    private sealed class WorldQueue
    {
        public List<PointQuery> Waiting { get; } = [];

        /// <summary>A batch loop runs for this world.</summary>
        public bool Sampling { get; set; }
    }

    private sealed record PointQuery(float X, float Z, CancellationToken Cancellation)
    {
        public TaskCompletionSource<PointSample> Answer { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
