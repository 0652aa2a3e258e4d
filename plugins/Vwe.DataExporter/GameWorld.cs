using System.Collections.Generic;
using UnityEngine;
using Vwe.Plugins.Core.Worlds;

namespace Vwe.DataExporter;

/// <summary>
/// One fresh game WorldGenerator behind the library's <see cref="IWorldSource"/>: every value of grid.bin, the
/// layers and sample answers is the game's own answer, through its own API. The library does the grid, the
/// sampling order and the files, so they are the bytes the native engine writes whenever the game agrees.
/// </summary>
public sealed class GameWorld : IWorldSource
{
    private readonly WorldGenerator generator;

    internal GameWorld(WorldGenerator generator, int seed, int worldGenVersion)
    {
        this.generator = generator;
        Seed = seed;
        WorldGenVersion = worldGenVersion;
        var offsets = new float[GameMembers.Offsets.Length];
        for (int k = 0; k < offsets.Length; k++)
        {
            offsets[k] = (float)GameMembers.Offsets[k].GetValue(generator);
        }

        Offsets = offsets;
        RiverSeed = (int)GameMembers.RiverSeed.GetValue(generator);
        StreamSeed = (int)GameMembers.StreamSeed.GetValue(generator);
    }

    public int Seed { get; }

    public int WorldGenVersion { get; }

    public IReadOnlyList<float> Offsets { get; }

    public int RiverSeed { get; }

    public int StreamSeed { get; }

    /// <summary>The game's defaults (ocean level 0.02, water not always ocean), as its minimap asks.</summary>
    public ushort GetBiome(float x, float z) => (ushort)generator.GetBiome(x, z);

    public float GetHeight(float x, float z) => generator.GetHeight(x, z);

    public float GetBaseHeight(float x, float z) => GameMembers.GetBaseHeight(generator, x, z, false);

    public float GetRiverWeight(float x, float z)
    {
        GameMembers.GetRiverWeight(generator, x, z, out float weight, out _);
        return weight;
    }

    /// <summary>The game takes a Vector3 and reads x and z.</summary>
    public float GetForestFactor(float x, float z) => WorldGenerator.GetForestFactor(new Vector3(x, 0f, z));
}
