namespace Vwe.WorldGen;

/// <summary>
/// <c>Heightmap.Biome</c>: the game's bit flags. The values are stored in <c>grid.bin</c> and sent over the
/// wire, so they are permanent.
/// </summary>
[Flags]
public enum Biome : ushort
{
    None = 0,
    Meadows = 1,
    Swamp = 2,
    Mountain = 4,
    BlackForest = 8,
    Plains = 16,
    AshLands = 32,
    DeepNorth = 64,
    Ocean = 256,
    Mistlands = 512,
}

public static class Biomes
{
    /// <summary>The nine biomes the generator returns, in flag order.</summary>
    public static IReadOnlyList<Biome> All { get; } =
    [
        Biome.Meadows, Biome.Swamp, Biome.Mountain, Biome.BlackForest, Biome.Plains,
        Biome.AshLands, Biome.DeepNorth, Biome.Ocean, Biome.Mistlands,
    ];

    /// <summary>The game's name of a single biome flag, e.g. "BlackForest".</summary>
    public static string Name(Biome biome) => biome switch
    {
        Biome.Meadows => "Meadows",
        Biome.Swamp => "Swamp",
        Biome.Mountain => "Mountain",
        Biome.BlackForest => "BlackForest",
        Biome.Plains => "Plains",
        Biome.AshLands => "AshLands",
        Biome.DeepNorth => "DeepNorth",
        Biome.Ocean => "Ocean",
        Biome.Mistlands => "Mistlands",
        Biome.None => "None",
        _ => throw new ArgumentOutOfRangeException(nameof(biome), biome, "not a single biome flag"),
    };
}
