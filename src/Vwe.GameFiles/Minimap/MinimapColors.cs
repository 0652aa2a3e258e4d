using Vwe.WorldGen;

namespace Vwe.GameFiles.Minimap;

/// <summary>
/// The colour the game paints each biome in its minimap cache (<c>Minimap.GetPixelColor</c>), as RGBA bytes. The
/// values are the minimap prefab's, measured on caches written by Valheim 1.0.15, not the code defaults the prefab
/// overrides. Ocean, Mountain and DeepNorth are all white, so the cache cannot tell those three apart.
/// </summary>
public static class MinimapColors
{
    public const uint White = 0xFFFFFFFFu;

    /// <summary>The cache's RGBA bytes of <paramref name="biome"/> packed as 0xRRGGBBAA.</summary>
    public static uint Of(Biome biome) => biome switch
    {
        Biome.Meadows => 0x92A75CFFu, // (146, 167, 92)
        Biome.AshLands => 0x7B2020FFu, // (123, 32, 32)
        Biome.BlackForest => 0x6B743FFFu, // (107, 116, 63)
        Biome.Plains => 0xE7AB78FFu, // (231, 171, 120)
        Biome.Swamp => 0xA37258FFu, // (163, 114, 88)
        Biome.Mistlands => 0x333333FFu, // (51, 51, 51): new Color(0.2, 0.2, 0.2), not overridden by the prefab
        _ => White, // Ocean, Mountain, DeepNorth, and the game's default branch
    };

    public static uint Pack(byte r, byte g, byte b, byte a) => ((uint)r << 24) | ((uint)g << 16) | ((uint)b << 8) | a;

    /// <summary>The biome or biomes a cache colour stands for, for reports: a biome name, the white trio, or the raw colour.</summary>
    public static string Describe(uint rgba)
    {
        if (rgba == White)
        {
            return "white (Ocean, Mountain or DeepNorth)";
        }

        foreach (Biome biome in Biomes.All)
        {
            if (Of(biome) == rgba)
            {
                return biome.ToString();
            }
        }

        return $"#{rgba:X8} (no biome's colour)";
    }
}
