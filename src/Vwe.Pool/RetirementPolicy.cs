namespace Vwe.Pool;

/// <summary>
/// When an engine retires: after <see cref="PoolOptions.MaxJobsPerEngine"/> exports, or at its own retirement time,
/// <see cref="PoolOptions.MaxLifetime"/> shortened by a random part of <see cref="PoolOptions.LifetimeJitter"/>
/// (as HikariCP does) so a pool started at once does not retire at once.
/// </summary>
internal sealed class RetirementPolicy(PoolOptions options, TimeProvider time)
{
    public DateTimeOffset RetireAt(DateTimeOffset createdUtc) =>
        createdUtc + (options.MaxLifetime * (1 - (options.LifetimeJitter * Random.Shared.NextDouble())));

    /// <summary>Why <paramref name="engine"/> should retire now, or null.</summary>
    public string? Reason(PooledEngine engine) =>
        engine.Exports >= options.MaxJobsPerEngine ? $"done {engine.Exports} exports (max {options.MaxJobsPerEngine})"
        : time.GetUtcNow() >= engine.RetireAtUtc ? $"reached its lifetime (max {options.MaxLifetime})"
        : null;
}
