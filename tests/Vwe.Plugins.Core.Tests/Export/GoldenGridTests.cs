using System.Text.Json;
using Vwe.Plugins.Core.Export;
using Vwe.Plugins.Core.Grid;
using Vwe.Plugins.Core.Tests.Support;
using Vwe.Tests.Golden;
using Vwe.WorldGen;

namespace Vwe.Plugins.Core.Tests.Export;

/// <summary>
/// The library's grid.bin, with our native generator behind <see cref="Worlds.IWorldSource"/>, is the golden grid
/// byte for byte (tests/golden/grids): sampling order, pixel centres, byte order and layout are the plugins' own
/// code, so the game plugin writes the same bytes whenever the game answers the same values.
/// </summary>
public sealed class GoldenGridTests
{
    public static TheoryData<string> GoldenGrids()
    {
        var grids = new TheoryData<string>();
        using JsonDocument index = GoldenData.ReadDocument("grids/index.json");
        foreach (JsonElement grid in index.RootElement.GetProperty("grids").EnumerateArray())
        {
            // The 2048² grid takes 4 M single-threaded samples; the 512² grids cover every seed.
            if (grid.GetProperty("N").GetInt32() <= 512)
            {
                grids.Add(grid.GetProperty("file").GetString()!);
            }
        }

        return grids;
    }

    [Theory]
    [MemberData(nameof(GoldenGrids))]
    public void Grid_bin_equals_the_golden_grid_byte_for_byte(string file)
    {
        using JsonDocument index = GoldenData.ReadDocument("grids/index.json");
        JsonElement entry = index.RootElement.GetProperty("grids").EnumerateArray().Single(grid => grid.GetProperty("file").GetString() == file);
        string seedText = entry.GetProperty("seedText").GetString()!;
        int seed = entry.GetProperty("seed").GetInt32();
        var grid = new GridSpec(entry.GetProperty("N").GetInt32(), entry.GetProperty("pixelSize").GetDouble());

        using var temp = new TempDirectory();
        string folder = temp.Combine(WorldKeys.For(seed, grid));
        var plan = new ExportPlan(seed, seedText, grid, Layers.None, folder);
        ExportReport report = GridExporter.Export(new NativeWorld(new WorldGenerator(seed)), plan, null, CancellationToken.None);

        byte[] expected = GoldenData.ReadBytes("grids/" + file);
        byte[] actual = File.ReadAllBytes(Path.Combine(folder, ExportFileNames.Grid));
        Assert.Equal(expected.Length, actual.Length);
        int first = Enumerable.Range(0, expected.Length).FirstOrDefault(i => expected[i] != actual[i], -1);
        Assert.True(first < 0, $"{file}: grid.bin differs from the golden grid first at byte {first}");
        Assert.Equal(GoldenData.GridSha256(file), report.Files.Single(entry => entry.Name == ExportFileNames.Grid).Sha256);
        Assert.Equal([ExportFileNames.Grid, ExportFileNames.Manifest, ExportFileNames.Run], report.Files.Select(entry => entry.Name));
    }
}
