using System.Globalization;
using System.Text.RegularExpressions;
using Vwe.Maps.Export.Png;
using Vwe.Maps.Tests.Export.Support;
using Vwe.WorldGen;

namespace Vwe.Maps.Tests.Export;

public partial class PaletteTests
{
    [Fact]
    public void Every_biome_has_its_own_colour_and_none_is_the_unknown_magenta()
    {
        uint[] colours = [.. Biomes.All.Select(BiomePalette.Rgb)];

        Assert.Equal(Biomes.All.Count, colours.Distinct().Count());
        Assert.DoesNotContain(BiomePalette.Unknown, colours);
        Assert.Equal(BiomePalette.Unknown, BiomePalette.Rgb(Biome.None));
        Assert.Equal(BiomePalette.Unknown, BiomePalette.Rgb(Biome.Meadows | Biome.Swamp));
    }

    [Fact]
    public void The_palette_table_in_docs_formats_md_is_the_palette_in_code()
    {
        string doc = File.ReadAllText(RepositoryRoot.PathOf("docs/formats.md"));

        var documented = PaletteRow().Matches(doc).ToDictionary(
            match => (Biome)int.Parse(match.Groups["flag"].Value, CultureInfo.InvariantCulture),
            match => (Name: match.Groups["name"].Value, Rgb: uint.Parse(match.Groups["hex"].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)));

        Assert.Equal(Biomes.All.Count, documented.Count);
        foreach (Biome biome in Biomes.All)
        {
            Assert.Equal((Biomes.Name(biome), BiomePalette.Rgb(biome)), documented[biome]);
        }
    }

    // "| 1 | Meadows | `#92A75C` |" rows of the palette table.
    [GeneratedRegex(@"^\|\s*(?<flag>\d+)\s*\|\s*(?<name>[A-Za-z]+)\s*\|\s*`#(?<hex>[0-9A-Fa-f]{6})`", RegexOptions.Multiline)]
    private static partial Regex PaletteRow();
}
