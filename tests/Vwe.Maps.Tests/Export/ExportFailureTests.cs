using Vwe.Maps.Export;
using Vwe.Maps.Grid;
using Vwe.Maps.Tests.Export.Support;
using Vwe.WorldGen;

namespace Vwe.Maps.Tests.Export;

[Collection(HnWorldGroup.Name)]
public class ExportFailureTests(HnWorld world)
{
    [Theory]
    [InlineData(ExportFormats.Json, 4097)]
    [InlineData(ExportFormats.Json | ExportFormats.Bin, 8192)]
    [InlineData(ExportFormats.Png, 8193)]
    [InlineData(ExportFormats.Png | ExportFormats.Bin, 16384)]
    public void A_grid_above_a_format_cap_is_refused_before_anything_is_written(ExportFormats formats, int size)
    {
        using var temp = new TempDirectory();

        var error = Assert.Throws<NotSupportedException>(() => Export(temp.Combine("out"), new GridSpec(size, 12), formats));

        Assert.Contains(size.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message, StringComparison.Ordinal);
        Assert.Empty(temp.Entries());
    }

    [Fact]
    public void Cancelling_mid_way_leaves_no_folder_behind()
    {
        using var temp = new TempDirectory();
        using var cancellation = new CancellationTokenSource();
        var cancelAfterFirstBand = new InlineProgress(_ => cancellation.Cancel());

        Assert.ThrowsAny<OperationCanceledException>(() => WorldExporter.Export(
            Request(temp.Combine("out"), new GridSpec(2048, 12), ExportFormats.Bin | ExportFormats.Png),
            cancelAfterFirstBand,
            cancellation.Token));

        Assert.True(cancelAfterFirstBand.Reports > 0, "the export was cancelled before it started writing");
        Assert.Empty(temp.Entries());
    }

    [Fact]
    public void Cancelling_removes_the_parent_folders_the_export_created_but_not_older_ones()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("kept"));
        using var cancellation = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() => WorldExporter.Export(
            Request(Path.Combine(temp.Combine("kept"), "new", "deeper", "out"), new GridSpec(2048, 12), ExportFormats.Bin),
            new InlineProgress(_ => cancellation.Cancel()),
            cancellation.Token));

        Assert.Equal(["kept"], temp.Entries());
    }

    [Fact]
    public void A_failed_export_leaves_an_existing_output_folder_as_it_was()
    {
        using var temp = new TempDirectory();
        string output = temp.Combine("out");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "keep.txt"), "previous export");
        using var cancellation = new CancellationTokenSource();

        Assert.ThrowsAny<OperationCanceledException>(() => WorldExporter.Export(
            Request(output, new GridSpec(2048, 12), ExportFormats.Bin),
            new InlineProgress(_ => cancellation.Cancel()),
            cancellation.Token));

        Assert.Equal(["out", Path.Combine("out", "keep.txt")], temp.Entries());
    }

    [Fact]
    public void A_write_failure_mid_way_names_the_output_folder_not_the_temporary_one_and_leaves_nothing()
    {
        using var temp = new TempDirectory();
        string output = temp.Combine("out");
        bool removed = false;

        // Removing the staging folder while its files are open makes the later steps (hashing, manifest) fail.
        var removeStaging = new InlineProgress(_ =>
        {
            foreach (string folder in removed ? [] : Directory.GetDirectories(temp.Path))
            {
                Directory.Delete(folder, recursive: true);
                removed = true;
            }
        });

        var error = Assert.Throws<ExportWriteException>(() => WorldExporter.Export(
            Request(output, new GridSpec(1024, 12), ExportFormats.Bin), removeStaging));

        Assert.True(removed, "the staging folder was never seen");
        Assert.Equal(Path.GetFullPath(output), error.OutputDirectory);
        Assert.StartsWith($"writing the export into '{Path.GetFullPath(output)}' failed: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(".tmp-", error.Message, StringComparison.Ordinal);
        Assert.IsAssignableFrom<IOException>(error.InnerException);
        Assert.Empty(temp.Entries());
    }

    [Fact]
    public void An_existing_output_folder_is_replaced_as_a_whole()
    {
        using var temp = new TempDirectory();
        string output = temp.Combine("out");
        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "stale.txt"), "from an older export");

        ExportResult result = Export(output, new GridSpec(64, 300), ExportFormats.Bin);

        Assert.Equal(Path.GetFullPath(output), result.OutputDirectory);
        Assert.Equal(
            ["out", Path.Combine("out", "grid.bin"), Path.Combine("out", "manifest.json"), Path.Combine("out", "run.json")],
            temp.Entries());
    }

    [Fact]
    public void An_output_folder_under_a_file_is_refused_before_anything_is_written()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("file"), "not a folder");

        Assert.Throws<IOException>(() => Export(Path.Combine(temp.Combine("file"), "out"), new GridSpec(64, 300), ExportFormats.Bin));
        Assert.Throws<IOException>(() => Export(temp.Combine("file"), new GridSpec(64, 300), ExportFormats.Bin));

        Assert.Equal(["file"], temp.Entries());
    }

    [Fact]
    public void A_missing_parent_folder_is_created()
    {
        using var temp = new TempDirectory();

        ExportResult result = Export(Path.Combine(temp.Path, "worlds", "nested", "out"), new GridSpec(64, 300), ExportFormats.Bin);

        Assert.True(File.Exists(Path.Combine(result.OutputDirectory, ExportFileNames.Grid)));
    }

    [Fact]
    public void Layers_without_the_bin_format_and_a_seed_text_of_another_world_are_refused()
    {
        using var temp = new TempDirectory();
        var grid = new GridSpec(64, 300);

        Assert.Throws<NotSupportedException>(() => WorldExporter.Export(
            Request(temp.Combine("out"), grid, ExportFormats.Png) with { Layers = GridLayers.River }));
        Assert.Throws<ArgumentException>(() => WorldExporter.Export(
            Request(temp.Combine("out"), grid, ExportFormats.Bin) with { SeedText = "MWd8eV6svz" }));
        Assert.Throws<ArgumentException>(() => WorldExporter.Export(
            Request(temp.Combine("out"), grid, ExportFormats.None)));
        Assert.Empty(temp.Entries());
    }

    private ExportResult Export(string output, GridSpec grid, ExportFormats formats) =>
        WorldExporter.Export(Request(output, grid, formats));

    private ExportRequest Request(string output, GridSpec grid, ExportFormats formats) => new()
    {
        Generator = world.Generator,
        SeedText = HnWorld.SeedText,
        Grid = grid,
        Formats = formats,
        Threads = 2,
        OutputDirectory = output,
    };

    /// <summary>Runs the callback on the reporting thread, at once (unlike <see cref="Progress{T}"/>).</summary>
    private sealed class InlineProgress(Action<double> onReport) : IProgress<double>
    {
        public int Reports { get; private set; }

        public void Report(double value)
        {
            Reports++;
            onReport(value);
        }
    }
}
