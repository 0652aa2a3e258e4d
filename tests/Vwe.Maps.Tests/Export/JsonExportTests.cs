using System.Text.Json;
using Vwe.Maps.Export;
using Vwe.Maps.Grid;
using Vwe.Maps.Tests.Export.Support;
using Vwe.WorldGen;

namespace Vwe.Maps.Tests.Export;

[Collection(HnWorldGroup.Name)]
public class JsonExportTests(HnWorld world)
{
    [Fact]
    public void Biomes_json_holds_every_pixel_of_grid_bin_with_row_0_south()
    {
        ExportResult export = world.Full512;
        GridFile grid = GridFile.Load(Path.Combine(export.OutputDirectory, ExportFileNames.Grid), 512);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(export.OutputDirectory, ExportFileNames.BiomesJson)));
        JsonElement root = json.RootElement;

        Assert.Equal("vwe.biomes/1", root.GetProperty("schema").GetString());
        Assert.Equal(export.WorldKey, root.GetProperty("worldKey").GetString());
        Assert.Equal(world.Generator.Seed, root.GetProperty("seed").GetInt32());
        Assert.Equal(512, root.GetProperty("size").GetInt32());
        Assert.Equal(48, root.GetProperty("pixelSize").GetDouble());
        foreach (Biome biome in Biomes.All)
        {
            Assert.Equal(Biomes.Name(biome), root.GetProperty("legend").GetProperty(((int)biome).ToString(System.Globalization.CultureInfo.InvariantCulture)).GetString());
        }

        JsonElement rows = root.GetProperty("biomes");
        Assert.Equal(512, rows.GetArrayLength());
        int row = 0;
        foreach (JsonElement values in rows.EnumerateArray())
        {
            Assert.Equal(512, values.GetArrayLength());
            int column = 0;
            foreach (JsonElement value in values.EnumerateArray())
            {
                if (value.GetUInt16() != grid.Biome(row, column))
                {
                    Assert.Fail($"biomes.json row {row}, column {column} is {value}, grid.bin has {grid.Biome(row, column)}");
                }

                column++;
            }

            row++;
        }
    }

    [Fact]
    public void Heightmap_json_heights_parse_back_to_the_exact_float32_of_grid_bin()
    {
        ExportResult export = world.Full512;
        GridFile grid = GridFile.Load(Path.Combine(export.OutputDirectory, ExportFileNames.Grid), 512);
        using JsonDocument json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(export.OutputDirectory, ExportFileNames.HeightmapJson)));
        JsonElement root = json.RootElement;

        Assert.Equal("vwe.heightmap/1", root.GetProperty("schema").GetString());
        Assert.Equal("m", root.GetProperty("unit").GetString());
        int row = 0;
        foreach (JsonElement values in root.GetProperty("heights").EnumerateArray())
        {
            int column = 0;
            foreach (JsonElement value in values.EnumerateArray())
            {
                uint expected = grid.HeightBits(row, column);
                uint asFloat = BitConverter.SingleToUInt32Bits(value.GetSingle());
                uint viaDouble = BitConverter.SingleToUInt32Bits((float)value.GetDouble());
                if (asFloat != expected || viaDouble != expected)
                {
                    Assert.Fail($"heightmap.json row {row}, column {column} is {value.GetRawText()}, grid.bin has 0x{expected:X8}");
                }

                column++;
            }

            Assert.Equal(512, column);
            row++;
        }

        Assert.Equal(512, row);
    }

    [Fact]
    public void Data_files_depend_on_the_world_key_only_so_an_int_seed_export_equals_a_text_seed_export()
    {
        ExportResult fromText = world.Points;
        ExportResult fromInt = world.Export(
            "points-int", HnWorld.PointsGrid, ExportFormats.Bin | ExportFormats.Png, GridLayers.River | GridLayers.Forest, 1, seedText: null);

        foreach (ExportedFile file in fromText.Files.Where(file => file.Name is not (ExportFileNames.Manifest or ExportFileNames.Run)))
        {
            Assert.Equal(file, fromInt.Files.Single(other => other.Name == file.Name));
        }

        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(fromInt.OutputDirectory, ExportFileNames.Manifest)));
        Assert.Equal(JsonValueKind.Null, manifest.RootElement.GetProperty("seedText").ValueKind);
    }

    [Fact]
    public void Seed_text_is_written_as_pure_ascii_json_that_parses_back_to_the_same_utf16()
    {
        string text = "é \"q\" \\ \u0001 😀 <+>";

        string quoted = ExportJson.Quote(text);

        Assert.All(quoted, c => Assert.InRange(c, ' ', '~'));
        Assert.Equal(text, JsonDocument.Parse(quoted).RootElement.GetString());
    }

    [Fact]
    public void A_lone_surrogate_in_a_seed_text_is_kept_as_its_escape()
    {
        // Valid .NET strings and valid seed texts (README §1), though not well-formed UTF-16: written code unit by
        // code unit, which the JSON grammar allows, rather than refused or replaced by U+FFFD.
        Assert.Equal("\"a\\uD800b\\uDC00\"", ExportJson.Quote("a\uD800b\uDC00"));
    }

    [Theory]
    [InlineData(ExportFileNames.BiomesJson)]
    [InlineData(ExportFileNames.HeightmapJson)]
    public void Writing_the_json_text_stops_at_a_cancelled_token(string name)
    {
        // The text is written in Complete, after the last band (seconds at the 4096² cap): Ctrl+C must reach it.
        using var temp = new TempDirectory();
        using var cancellation = new CancellationTokenSource();
        var grid = new GridSpec(16, 48);
        string path = temp.Combine(name);
        using IGridSink sink = name == ExportFileNames.BiomesJson
            ? new BiomesJsonSink(path, WorldKey.For(world.Generator.Seed, grid), world.Generator.Seed, grid, cancellation.Token)
            : new HeightmapJsonSink(path, WorldKey.For(world.Generator.Seed, grid), world.Generator.Seed, grid, cancellation.Token);
        var band = new GridBand(grid.Size, grid.Size, GridLayers.None) { FirstRow = 0, RowCount = grid.Size };
        sink.Write(band);

        cancellation.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(sink.Complete);
    }
}
