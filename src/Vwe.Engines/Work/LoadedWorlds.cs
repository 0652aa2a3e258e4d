using Vwe.WorldGen;

namespace Vwe.Engines.Work;

/// <summary>
/// The last few worlds an engine loaded, most recent first, so a request for one of them skips pre-generation
/// (seed affinity). Bounded: each world holds its river points (tens of megabytes for large worlds). Used by
/// one job at a time; the lock only guards readers such as pings.
/// </summary>
internal sealed class LoadedWorlds(int capacity)
{
    private readonly Lock gate = new();
    private readonly List<WorldGenerator> worlds = new(capacity);

    public int Capacity { get; } = capacity;

    public bool TryGet(int seed, out WorldGenerator world)
    {
        lock (gate)
        {
            int index = worlds.FindIndex(candidate => candidate.Seed == seed);
            if (index < 0)
            {
                world = null!;
                return false;
            }

            world = worlds[index];
            worlds.RemoveAt(index);
            worlds.Insert(0, world);
            return true;
        }
    }

    public void Add(WorldGenerator world)
    {
        lock (gate)
        {
            worlds.RemoveAll(candidate => candidate.Seed == world.Seed);
            worlds.Insert(0, world);
            if (worlds.Count > Capacity)
            {
                worlds.RemoveRange(Capacity, worlds.Count - Capacity);
            }
        }
    }

    public void Clear()
    {
        lock (gate)
        {
            worlds.Clear();
        }
    }

    public int[] Seeds()
    {
        lock (gate)
        {
            return [.. worlds.Select(world => world.Seed)];
        }
    }
}
