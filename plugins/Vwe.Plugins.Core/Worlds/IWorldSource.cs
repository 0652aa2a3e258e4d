using System.Collections.Generic;

namespace Vwe.Plugins.Core.Worlds;

/// <summary>
/// One loaded world, asked the game's own questions: the members of the game's <c>WorldGenerator</c> our files
/// are made of (docs/formats.md). Inside the game it is a fresh game generator for the seed; in tests it is
/// our native generator (src/Vwe.WorldGen), so both produce the same bytes through the same code. Called from
/// one job thread at a time, never concurrently.
/// </summary>
public interface IWorldSource
{
    /// <summary>The world's int seed (<c>World.m_seed</c>).</summary>
    int Seed { get; }

    /// <summary><c>World.m_worldGenVersion</c>; world keys and files describe version 2 only.</summary>
    int WorldGenVersion { get; }

    /// <summary><c>m_offset0</c> … <c>m_offset4</c>, in that order.</summary>
    IReadOnlyList<float> Offsets { get; }

    /// <summary><c>m_riverSeed</c>.</summary>
    int RiverSeed { get; }

    /// <summary><c>m_streamSeed</c>.</summary>
    int StreamSeed { get; }

    /// <summary><c>GetBiome(x, z)</c> as the game's flag (Meadows 1 … Mistlands 512).</summary>
    ushort GetBiome(float x, float z);

    /// <summary><c>GetHeight(x, z)</c> in metres, rivers and moats included.</summary>
    float GetHeight(float x, float z);

    /// <summary><c>GetBaseHeight(x, z)</c>, the unitless continent shape.</summary>
    float GetBaseHeight(float x, float z);

    /// <summary>The weight <c>GetRiverWeight(x, z)</c> returns: 0 off-river, up to 1 on a centre line.</summary>
    float GetRiverWeight(float x, float z);

    /// <summary><c>WorldGenerator.GetForestFactor(x, z)</c>.</summary>
    float GetForestFactor(float x, float z);
}
