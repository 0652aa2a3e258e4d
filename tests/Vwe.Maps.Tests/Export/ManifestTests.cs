using System.Security.Cryptography;
using System.Text.Json;
using Vwe.Maps.Export;
using Vwe.Maps.Grid;
using Vwe.Maps.Tests.Export.Support;

namespace Vwe.Maps.Tests.Export;

[Collection(HnWorldGroup.Name)]
public class ManifestTests(HnWorld world)
{
    [Fact]
    public void Manifest_and_data_files_are_byte_identical_for_one_and_two_threads()
    {
        var grid = new GridSpec(256, 96);
        var formats = ExportFormats.Bin | ExportFormats.Json | ExportFormats.Png;
        ExportResult one = world.Export("one-thread", grid, formats, GridLayers.River, 1);
        ExportResult two = world.Export("two-threads", grid, formats, GridLayers.River, 2);

        Assert.Equal(
            File.ReadAllBytes(Path.Combine(one.OutputDirectory, ExportFileNames.Manifest)),
            File.ReadAllBytes(Path.Combine(two.OutputDirectory, ExportFileNames.Manifest)));
        Assert.Equal(
            one.Files.Where(file => file.Name != ExportFileNames.Run),
            two.Files.Where(file => file.Name != ExportFileNames.Run));
    }

    [Fact]
    public void Manifest_lists_every_data_file_with_its_true_size_and_sha256()
    {
        ExportResult export = world.Full512;
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(export.OutputDirectory, ExportFileNames.Manifest)));

        string[] onDisk = [.. Directory.EnumerateFiles(export.OutputDirectory).Select(Path.GetFileName).Where(name => name is not (ExportFileNames.Manifest or ExportFileNames.Run)).Order(StringComparer.Ordinal)!];
        JsonElement[] listed = [.. manifest.RootElement.GetProperty("files").EnumerateArray()];
        Assert.Equal(onDisk, listed.Select(file => file.GetProperty("name").GetString()));
        foreach (JsonElement file in listed)
        {
            byte[] bytes = File.ReadAllBytes(Path.Combine(export.OutputDirectory, file.GetProperty("name").GetString()!));
            Assert.Equal(bytes.Length, file.GetProperty("bytes").GetInt64());
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), file.GetProperty("sha256").GetString());
        }

        Assert.Equal(
            ["biomes.json", "biomes.png", "forest.bin", "grid.bin", "heightmap.json", "river.bin", "terrain.png"],
            onDisk);
    }

    [Fact]
    public void Manifest_records_the_world_its_key_and_the_grid_conventions()
    {
        ExportResult export = world.Full512;
        using JsonDocument manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(export.OutputDirectory, ExportFileNames.Manifest)));
        JsonElement root = manifest.RootElement;

        Assert.Equal("vwe.manifest/1", root.GetProperty("schema").GetString());
        Assert.Equal(WorldKey.For(world.Generator.Seed, new GridSpec(512, 48)), root.GetProperty("worldKey").GetString());
        Assert.Equal(export.WorldKey, root.GetProperty("worldKey").GetString());
        Assert.Equal(HnWorld.SeedText, root.GetProperty("seedText").GetString());
        Assert.Equal(world.Generator.Seed, root.GetProperty("seed").GetInt32());
        Assert.Equal(2, root.GetProperty("worldGenVersion").GetInt32());
        Assert.Equal("1.0.x", root.GetProperty("gameVersion").GetString());
        Assert.Equal(WorldKey.EngineDataVersion, root.GetProperty("engineDataVersion").GetInt32());
        Assert.Equal(world.Generator.Offsets, root.GetProperty("offsets").EnumerateArray().Select(offset => offset.GetSingle()));
        Assert.Equal(world.Generator.RiverSeed, root.GetProperty("riverSeed").GetInt32());
        Assert.Equal(world.Generator.StreamSeed, root.GetProperty("streamSeed").GetInt32());
        JsonElement grid = root.GetProperty("grid");
        Assert.Equal(512, grid.GetProperty("size").GetInt32());
        Assert.Equal(48, grid.GetProperty("pixelSize").GetDouble());
        Assert.Contains("row 0 is the southernmost", grid.GetProperty("rows").GetString(), StringComparison.Ordinal);
        Assert.Equal(["bin", "json", "png"], root.GetProperty("formats").EnumerateArray().Select(format => format.GetString()));
        Assert.Equal(["river", "forest"], root.GetProperty("layers").EnumerateArray().Select(layer => layer.GetString()));

        // Run facts belong in run.json only.
        string text = File.ReadAllText(Path.Combine(export.OutputDirectory, ExportFileNames.Manifest));
        Assert.DoesNotContain("Utc", text, StringComparison.Ordinal);
        Assert.DoesNotContain("threads", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_json_records_when_how_long_and_where()
    {
        ExportResult export = world.Full512;
        using JsonDocument run = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(export.OutputDirectory, ExportFileNames.Run)));
        JsonElement root = run.RootElement;

        Assert.Equal("vwe.run/1", root.GetProperty("schema").GetString());
        DateTimeOffset started = root.GetProperty("startedUtc").GetDateTimeOffset();
        Assert.Equal(TimeSpan.Zero, started.Offset);
        Assert.EndsWith("Z", root.GetProperty("startedUtc").GetString(), StringComparison.Ordinal);
        Assert.InRange(started, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow);
        Assert.True(root.GetProperty("durationMs").GetInt64() > 0);
        Assert.Equal(1, root.GetProperty("threads").GetInt32());
        Assert.Equal(Environment.ProcessorCount, root.GetProperty("machine").GetProperty("processorCount").GetInt32());
        Assert.StartsWith(".NET", root.GetProperty("machine").GetProperty("dotnet").GetString(), StringComparison.Ordinal);
    }
}
