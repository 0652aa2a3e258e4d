using Vwe.WorldGen;

namespace Vwe.Maps.Export.Png;

/// <summary>
/// The one palette of the pictures (docs/formats.md, "Palette"): every biome, Ocean included, has its own colour.
/// Land colours are the game's minimap biome colours; the game paints Mountain and DeepNorth both white, so
/// DeepNorth gets an icy blue here, and Ocean a sea blue. A value that is not a single biome flag is magenta, which
/// no biome uses, so a bad grid shows at a glance.
/// </summary>
internal static class BiomePalette
{
    public const uint Unknown = 0xFF00FF;

    /// <summary>The colour of each biome as 0xRRGGBB, in flag order.</summary>
    public static IReadOnlyList<(Biome Biome, uint Rgb)> Colours { get; } =
    [
        (Biome.Meadows, 0x92A75C),
        (Biome.Swamp, 0xA37258),
        (Biome.Mountain, 0xFFFFFF),
        (Biome.BlackForest, 0x6B743F),
        (Biome.Plains, 0xE7AB78),
        (Biome.AshLands, 0xB03131),
        (Biome.DeepNorth, 0xC8DCF0),
        (Biome.Ocean, 0x2F6495),
        (Biome.Mistlands, 0x333333),
    ];

    // A lookup by flag value (declared after Colours, which it is built from): three bytes per value 0..512,
    // magenta where no biome has that value; slot 0 (None) doubles as the slot for values beyond the table.
    private static readonly byte[] Table = BuildTable();

    /// <summary>Writes the colour of <paramref name="biome"/> into <paramref name="rgb"/>[0..3].</summary>
    public static void Write(ushort biome, Span<byte> rgb)
    {
        int index = biome < Table.Length / 3 ? biome * 3 : 0;
        rgb[0] = Table[index];
        rgb[1] = Table[index + 1];
        rgb[2] = Table[index + 2];
    }

    public static uint Rgb(Biome biome)
    {
        foreach ((Biome candidate, uint rgb) in Colours)
        {
            if (candidate == biome)
            {
                return rgb;
            }
        }

        return Unknown;
    }

    private static byte[] BuildTable()
    {
        int entries = (int)Biome.Mistlands + 1;
        byte[] table = new byte[entries * 3];
        for (int value = 0; value < entries; value++)
        {
            uint rgb = Rgb((Biome)value);
            table[value * 3] = (byte)(rgb >> 16);
            table[(value * 3) + 1] = (byte)(rgb >> 8);
            table[(value * 3) + 2] = (byte)rgb;
        }

        return table;
    }
}
