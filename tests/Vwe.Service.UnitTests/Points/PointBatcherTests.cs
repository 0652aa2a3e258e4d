using Vwe.Engines;
using Vwe.Maps.Points;
using Vwe.Pool;
using Vwe.Service.Points;
using Vwe.WorldGen;

namespace Vwe.Service.UnitTests.Points;

/// <summary>Concurrent point queries share sample requests, and each still gets exactly its own point's values.</summary>
public sealed class PointBatcherTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Concurrent_queries_of_a_world_share_samples_and_each_gets_its_own_point()
    {
        await using WarmEnginePool pool = PoolSetup.Create(
            EngineKind.InProcess, engines: 1, threads: 1, PoolOptions.DefaultMaxJobsPerEngine, cold: false, engineCommand: null, Deadline);
        await pool.StartAsync(CancellationToken.None);
        var batcher = new PointBatcher(pool);
        int seed = StableHash.WorldSeed("hnLycKKCMI");
        (float X, float Z)[] points = [.. Enumerable.Range(0, 64).Select(i => ((i * 977f) - 31_000f, 9_000f - (i * 313.5f)))];

        PointSample[] answers = await Task.WhenAll(points.Select(point => batcher.SampleAsync(seed, point.X, point.Z, CancellationToken.None)))
            .WaitAsync(Deadline);

        var world = new WorldGenerator(seed);
        for (int i = 0; i < points.Length; i++)
        {
            Assert.Equal(PointSampleJson.Line(PointSample.At(world, points[i].X, points[i].Z)), PointSampleJson.Line(answers[i]));
        }

        // The first query loads the world alone; the 63 that arrive meanwhile travel together.
        Assert.InRange(pool.Metrics.JobsSucceeded, 1, 8);
    }

    [Fact]
    public async Task A_query_whose_client_left_is_dropped_and_the_others_are_answered()
    {
        await using WarmEnginePool pool = PoolSetup.Create(
            EngineKind.InProcess, engines: 1, threads: 1, PoolOptions.DefaultMaxJobsPerEngine, cold: false, engineCommand: null, Deadline);
        await pool.StartAsync(CancellationToken.None);
        var batcher = new PointBatcher(pool);
        int seed = StableHash.WorldSeed("leaving");
        using var gone = new CancellationTokenSource();

        Task<PointSample> first = batcher.SampleAsync(seed, 0f, 0f, CancellationToken.None);
        Task<PointSample> left = batcher.SampleAsync(seed, 100f, 100f, gone.Token);
        await gone.CancelAsync();
        PointSample kept = await batcher.SampleAsync(seed, 200f, -200f, CancellationToken.None).WaitAsync(Deadline);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => left);
        Assert.Equal((0f, 0f), ((await first).X, (await first).Z));
        Assert.Equal((200f, -200f), (kept.X, kept.Z));
    }
}
