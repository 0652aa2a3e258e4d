using System.CommandLine;
using System.Globalization;
using Vwe.Maps.Export;
using Vwe.Maps.Grid;

namespace Vwe.Cli;

/// <summary>Arguments and options several commands take, so they read and behave the same everywhere.</summary>
internal static class CommonOptions
{
    /// <summary>The world's seed: text hashed as the game does, or with <see cref="IntSeed"/> the int itself (see <see cref="SeedInput"/>).</summary>
    public static Argument<string> Seed() => new("seed")
    {
        Description = "The world's seed text exactly as typed in the game, hashed as the game does (12345 is text too). " +
            "With --int: the world's int seed, as 'vwe seed' prints it.",
    };

    public static Option<bool> IntSeed() => new("--int")
    {
        Description = "Take <seed> as the world's int seed instead of seed text.",
    };

    /// <summary>Grid size N; the range is checked by <see cref="GridInput"/>, so the message can say what to give.</summary>
    public static Option<int> Size() => new("--size")
    {
        Description = $"Pixels per side, 1..{GridSpec.MaxSize}; {GridSpec.Minimap.Size} is the game's minimap.",
        HelpName = "N",
        DefaultValueFactory = _ => GridSpec.Minimap.Size,
    };

    /// <summary>Pixel size P as text: <see cref="GridInput"/> parses it invariantly and refuses NaN and infinities, which double parsing accepts.</summary>
    public static Option<string> PixelSize() => new("--pixel-size")
    {
        Description = $"Metres between pixel centres, a positive number ('.' as decimal mark); {MinimapPixelSize} is the game's minimap.",
        HelpName = "P",
        DefaultValueFactory = _ => MinimapPixelSize,
    };

    private static string MinimapPixelSize => GridSpec.Minimap.PixelSize.ToString("R", CultureInfo.InvariantCulture);

    public static Option<string> Format() => new("--format")
    {
        Description = "What to write, comma-separated: bin (grid.bin and layers), json (biomes.json, heightmap.json; " +
            $"--size up to {ExportLimits.MaxJsonSize}), png (biomes.png, terrain.png; --size up to {ExportLimits.MaxPngSize}).",
        HelpName = "bin,json,png",
        DefaultValueFactory = _ => ExportInput.DefaultFormats,
    };

    public static Option<string> Layers() => new("--layers")
    {
        Description = "Optional float32 layers, comma-separated: river (river weight), forest (forest factor). " +
            "Written as <layer>.bin; they need the bin format.",
        HelpName = "river,forest",
    };

    public static Option<int> Threads() => new("--threads")
    {
        Description = "Sampling threads, 1 to 256; the default is the processor count. The files do not depend on it.",
        HelpName = "T",
        DefaultValueFactory = _ => Environment.ProcessorCount,
    };
}
