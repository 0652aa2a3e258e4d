using System.Security.Cryptography;
using System.Text.Json;
using Vwe.Maps.Export;
using Vwe.Maps.Grid;
using Vwe.Maps.Tests.Export.Support;
using Vwe.Tests.Golden;

namespace Vwe.Maps.Tests.Export;

[Collection(HnWorldGroup.Name)]
public class GridBinExportTests(HnWorld world)
{
    [Fact]
    public void Grid_bin_of_hnLycKKCMI_512x48_is_byte_identical_to_the_golden_grid()
    {
        string path = Path.Combine(world.Full512.OutputDirectory, ExportFileNames.Grid);
        byte[] actual = File.ReadAllBytes(path);
        byte[] golden = GoldenData.ReadBytes("grids/hnLycKKCMI-512.bin.gz");

        Assert.Equal(golden.Length, actual.Length);
        int firstDifference = actual.AsSpan().CommonPrefixLength(golden);
        Assert.True(
            firstDifference == golden.Length,
            $"grid.bin differs from the golden grid first at byte {firstDifference} ({Describe(firstDifference, 512)})");

        string goldenSha = GoldenData.GridSha256("hnLycKKCMI-512.bin.gz");
        Assert.Equal(goldenSha, Convert.ToHexStringLower(SHA256.HashData(actual)));
        Assert.Equal(goldenSha, world.Full512.Files.Single(file => file.Name == ExportFileNames.Grid).Sha256);
    }

    [Fact]
    public void Grid_bin_and_layer_files_hold_the_golden_values_at_every_reference_point_on_the_grid()
    {
        ExportResult export = world.Points;
        int size = HnWorld.PointsGrid.Size;
        GridFile grid = GridFile.Load(Path.Combine(export.OutputDirectory, ExportFileNames.Grid), size);
        byte[] river = File.ReadAllBytes(Path.Combine(export.OutputDirectory, ExportFileNames.Layer(GridLayers.River)));
        byte[] forest = File.ReadAllBytes(Path.Combine(export.OutputDirectory, ExportFileNames.Layer(GridLayers.Forest)));

        int checkedPoints = 0;
        foreach (GoldenPoint point in GoldenPoint.Read(HnWorld.SeedText))
        {
            if (HnWorld.PointsPixel(point.X, point.Z) is not var (row, column))
            {
                continue;
            }

            string where = $"({point.X}, {point.Z}) = row {row}, column {column}";
            Assert.True((ushort)point.Biome == grid.Biome(row, column), $"biome at {where}: {grid.Biome(row, column)}, golden {point.Biome}");
            Assert.True(point.HeightBits == grid.HeightBits(row, column), $"height bits at {where}: 0x{grid.HeightBits(row, column):X8}, golden 0x{point.HeightBits:X8}");
            Assert.True(point.RiverWeightBits == GridFile.LayerBits(river, size, row, column), $"river weight at {where}");
            Assert.True(point.ForestBits == GridFile.LayerBits(forest, size, row, column), $"forest factor at {where}");
            checkedPoints++;
        }

        // The 16 integer points of spec §10.3 are all multiples of 200 m inside ±10 600 m.
        Assert.True(checkedPoints >= 16, $"only {checkedPoints} golden points lie on pixel centres of the 107² / 200 m grid");
    }

    [Fact]
    public void The_river_layer_is_positive_at_the_origin_where_a_river_crosses_the_spawn()
    {
        (int row, int column) = HnWorld.PointsPixel(0, 0)!.Value;
        byte[] river = File.ReadAllBytes(Path.Combine(world.Points.OutputDirectory, ExportFileNames.Layer(GridLayers.River)));

        float weight = BitConverter.UInt32BitsToSingle(GridFile.LayerBits(river, HnWorld.PointsGrid.Size, row, column));

        Assert.Equal(world.Generator.Fork().GetRiverWeight(0, 0).Weight, weight);
        Assert.InRange(weight, 0.5765f, 0.5766f); // spec §10.3: riverWeight 0.57653 at (0, 0)
    }

    [Fact]
    public void Layer_files_hold_one_float32_per_pixel()
    {
        foreach (GridLayers layer in GridLayerNames.Each(GridLayers.River | GridLayers.Forest))
        {
            ExportedFile file = world.Full512.Files.Single(file => file.Name == ExportFileNames.Layer(layer));
            Assert.Equal(512L * 512 * sizeof(float), file.Bytes);
            Assert.Equal(file.Bytes, new FileInfo(Path.Combine(world.Full512.OutputDirectory, file.Name)).Length);
        }
    }

    private static string Describe(int offset, int size)
    {
        long biomes = 2L * size * size;
        return offset < biomes
            ? $"biome of row {offset / 2 / size}, column {offset / 2 % size}"
            : $"height of row {(offset - biomes) / 4 / size}, column {(offset - biomes) / 4 % size}";
    }
}
