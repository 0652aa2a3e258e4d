using System.Collections.Generic;
using System.Linq;

namespace Vwe.Plugins.Core.Worlds;

/// <summary>
/// The last few worlds loaded, most recently used first, so a request for one of them skips pre-generation (seed
/// affinity, docs/protocol.md §5.3). Bounded: each world holds its river points (tens of megabytes). Changed by
/// one job at a time; the lock guards readers such as pings and state frames.
/// </summary>
internal sealed class LoadedWorlds
{
    private readonly object gate = new();
    private readonly List<IWorldSource> worlds;

    public LoadedWorlds(int capacity)
    {
        Capacity = capacity;
        worlds = new List<IWorldSource>(capacity);
    }

    public int Capacity { get; }

    /// <summary>The world of <paramref name="seed"/>, made the most recently used; null when it is not loaded.</summary>
    public IWorldSource? Find(int seed)
    {
        lock (gate)
        {
            int index = worlds.FindIndex(candidate => candidate.Seed == seed);
            if (index < 0)
            {
                return null;
            }

            IWorldSource world = worlds[index];
            worlds.RemoveAt(index);
            worlds.Insert(0, world);
            return world;
        }
    }

    public bool Contains(int seed)
    {
        lock (gate)
        {
            return worlds.Any(candidate => candidate.Seed == seed);
        }
    }

    /// <summary>Keeps <paramref name="world"/> as the most recent, dropping the least recently used beyond the capacity.</summary>
    public void Add(IWorldSource world)
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
            return worlds.Select(world => world.Seed).ToArray();
        }
    }
}
