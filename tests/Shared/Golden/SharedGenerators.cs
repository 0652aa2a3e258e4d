using System.Collections.Concurrent;
using Vwe.WorldGen;

namespace Vwe.Tests.Golden;

/// <summary>
/// One pre-generated <see cref="WorldGenerator"/> per seed for the whole test assembly (construction costs about a
/// second). The cached instance is never queried: tests take a <see cref="Fork"/> each, because an instance owns a
/// river-weight cache and is for one thread only.
/// </summary>
internal static class SharedGenerators
{
    private static readonly ConcurrentDictionary<int, Lazy<WorldGenerator>> Cache = new();

    /// <summary>A fresh handle on the shared world of <paramref name="seed"/>, for the calling thread only.</summary>
    public static WorldGenerator Fork(int seed) =>
        Cache.GetOrAdd(seed, static s => new Lazy<WorldGenerator>(() => new WorldGenerator(s))).Value.Fork();
}
