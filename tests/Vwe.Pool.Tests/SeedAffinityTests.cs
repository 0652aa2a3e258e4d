using Vwe.Engines.Jobs;
using Vwe.WorldGen;

namespace Vwe.Pool.Tests;

/// <summary>A request for a world an engine still has loaded goes to that engine when it is free.</summary>
public class SeedAffinityTests
{
    [Fact]
    public async Task Reuse_the_engine_that_has_the_world_loaded()
    {
        await using TestPool test = await TestPool.StartAsync(new PoolOptions { MinReady = 3, MaxEngines = 3, MaxConcurrentJobs = 3 });
        int seed = StableHash.WorldSeed("affinity");
        string first;
        ExportOutcome cold;

        // Hold the engine an acquire without a seed would get, so the world is loaded on another one.
        await using (EngineLease held = await test.Pool.AcquireAsync(null, CancellationToken.None))
        {
            first = held.Engine.Id;
            cold = await test.Pool.ExportAsync(test.Job("affinity", folder: "cold"), null, CancellationToken.None);
        }

        EngineSnapshot loaded = Assert.Single(test.Pool.Snapshot(), engine => engine.LoadedWorlds.Contains(seed));
        Assert.NotEqual(first, loaded.Id);
        await using (EngineLease any = await test.Pool.AcquireAsync(null, CancellationToken.None))
        {
            // Without a seed the first idle engine is lent: choosing the other one below is the seed's doing.
            Assert.Equal(first, any.Engine.Id);
        }

        await using (EngineLease affine = await test.Pool.AcquireAsync(seed, CancellationToken.None))
        {
            Assert.Equal(loaded.Id, affine.Engine.Id);
        }

        ExportOutcome warm = await test.Pool.ExportAsync(test.Job("affinity", folder: "warm"), null, CancellationToken.None);
        Assert.True(cold.LoadTime > TimeSpan.Zero, "the first export did not load the world");
        Assert.Equal(TimeSpan.Zero, warm.LoadTime);
        await Eventually.True(
            () => test.Pool.Snapshot().Single(engine => engine.Id == loaded.Id) is { JobsDone: 2, Leased: false }, TimeSpan.FromSeconds(30), $"{loaded.Id} back after two jobs");
        test.AssertSameAsInProcess(test.Job("affinity", folder: "warm"), warm);
    }
}
