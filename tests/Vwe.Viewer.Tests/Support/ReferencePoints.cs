using System.Globalization;

namespace Vwe.Viewer.Tests.Support;

/// <summary>
/// World points of seed hnLycKKCMI (int 1706363555) with their biome and height, from the spec's §10.3 table
/// (docs/spec/worldgen.md; the same rows as tests/Vwe.Cli.Tests/PointCommandTests): the whole-metre ones,
/// which the readout (whole metres) can point at exactly. Spread over every direction, so a map drawn upside down
/// or mirrored cannot pass.
/// </summary>
public static class ReferencePoints
{
    public const string SeedText = "hnLycKKCMI";

    public const int SeedInt = 1706363555;

    public static TheoryData<int, int, string, uint> All { get; } = new()
    {
        { 0, 0, "Meadows", 0x410B88B8 },
        { 800, 0, "Meadows", 0x42816892 },
        { -800, 400, "Mountain", 0x42B9CF7B },
        { -3200, 800, "Plains", 0x415AABB9 },
        { -3200, 1200, "Swamp", 0x41EF44C7 },
        { -9200, 400, "BlackForest", 0x42024D19 },
        { 8800, -400, "Mistlands", 0x42B60000 },
        { 5200, 8000, "DeepNorth", 0x42BC8171 },
        { -3600, -8000, "AshLands", 0x418A351E },
        { 0, -9000, "AshLands", 0x420CFF78 },
        { -2400, 0, "Ocean", 0x3ECCCBCF },
        { 10200, 0, "Ocean", 0xC1AEB977 },
        { 1200, -1200, "BlackForest", 0x41FEB53D },
        { 400, -2800, "Swamp", 0x41CC87B8 },
        { 6800, -4800, "Mistlands", 0x41E00000 },
    };

    /// <summary>The biome palette of docs/formats.md (biomes layer colours).</summary>
    public static IReadOnlyDictionary<string, string> Palette { get; } = new Dictionary<string, string>
    {
        ["Meadows"] = "#92A75C",
        ["Swamp"] = "#A37258",
        ["Mountain"] = "#FFFFFF",
        ["BlackForest"] = "#6B743F",
        ["Plains"] = "#E7AB78",
        ["AshLands"] = "#B03131",
        ["DeepNorth"] = "#C8DCF0",
        ["Ocean"] = "#2F6495",
        ["Mistlands"] = "#333333",
    };

    /// <summary>The height as the readout shows it: metres with two decimals.</summary>
    public static string HeightText(uint bits) =>
        BitConverter.UInt32BitsToSingle(bits).ToString("0.00", CultureInfo.InvariantCulture) + " m";
}
