using Microsoft.Extensions.Time.Testing;
using Vwe.Engines;
using Vwe.Engines.InProcess;

namespace Vwe.Pool.Tests;

/// <summary>When an engine retires: its lifetime shortened by a random part of the jitter, on the pool's clock.</summary>
public class RetirementPolicyTests
{
    private static readonly DateTimeOffset Created = new(2025, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Each_engine_retires_within_the_lifetime_less_its_jitter_and_not_all_at_once()
    {
        var options = new PoolOptions { MaxLifetime = TimeSpan.FromMinutes(30), LifetimeJitter = 0.2 };
        var policy = new RetirementPolicy(options, new FakeTimeProvider(Created));

        TimeSpan[] lifetimes = [.. Enumerable.Range(0, 1000).Select(_ => policy.RetireAt(Created) - Created)];

        Assert.All(lifetimes, lifetime => Assert.InRange(lifetime, TimeSpan.FromMinutes(24), TimeSpan.FromMinutes(30)));

        // Spread over the whole range: a thousand draws all in one half would be a broken jitter.
        Assert.Contains(lifetimes, lifetime => lifetime < TimeSpan.FromMinutes(27));
        Assert.Contains(lifetimes, lifetime => lifetime > TimeSpan.FromMinutes(27));
    }

    [Fact]
    public void Without_jitter_every_engine_lives_exactly_the_lifetime()
    {
        var policy = new RetirementPolicy(new PoolOptions { MaxLifetime = TimeSpan.FromMinutes(5), LifetimeJitter = 0 }, new FakeTimeProvider(Created));

        Assert.Equal(Created + TimeSpan.FromMinutes(5), policy.RetireAt(Created));
    }

    [Fact]
    public async Task An_engine_has_a_reason_to_retire_once_the_clock_passes_its_time()
    {
        var time = new FakeTimeProvider(Created);
        var options = new PoolOptions { MaxLifetime = TimeSpan.FromMinutes(10), LifetimeJitter = 0.5 };
        var policy = new RetirementPolicy(options, time);
        await using Engine engine = new InProcessEngine("e1", new EngineOptions { WarmUp = false });
        DateTimeOffset retireAt = policy.RetireAt(time.GetUtcNow());
        var pooled = new PooledEngine(engine, retireAt);

        time.SetUtcNow(retireAt - TimeSpan.FromMilliseconds(1));
        Assert.Null(policy.Reason(pooled));

        time.SetUtcNow(retireAt);
        Assert.Equal("reached its lifetime (max 00:10:00)", policy.Reason(pooled));
    }
}
