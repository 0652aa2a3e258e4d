using System.Text.Json;
using Vwe.GameFiles.Worlds;

namespace Vwe.Cli.Tests.GameFiles;

public class WorldCommandTests
{
    [Fact]
    public void Create_writes_a_new_1_0_world_that_show_reads_back()
    {
        using var save = new TempDirectory();
        string worlds = save.Combine("worlds_local");

        CliResult created = Cli.Run("world", "create", "--name", "Midgard", "--seed", "hnLycKKCMI", "--dir", worlds);

        Assert.Equal((0, ""), (created.ExitCode, created.Error));
        string header = Path.Combine(worlds, "Midgard", "_main.0.fwl2");
        Assert.Contains($"wrote {header}", created.Output, StringComparison.Ordinal);
        Assert.Contains($"-world 'Midgard' -savedir '{save.Path}'", created.Output, StringComparison.Ordinal);
        WorldMetadata world = WorldMetadataFile.Read(header);
        Assert.Equal((41, "Midgard", "hnLycKKCMI", 1706363555, 2, false), (world.Version, world.Name, world.SeedName, world.Seed, world.WorldGenVersion, world.NeedsDb));

        CliResult shown = Cli.Run("world", "show", header, "--json");

        Assert.Equal(0, shown.ExitCode);
        using var json = JsonDocument.Parse(shown.Output);
        JsonElement root = json.RootElement;
        Assert.Equal((41, "Midgard", "hnLycKKCMI", 1706363555, world.Uid, 2, true),
            (root.GetProperty("version").GetInt32(), root.GetProperty("name").GetString(), root.GetProperty("seedName").GetString(),
             root.GetProperty("seed").GetInt32(), root.GetProperty("uid").GetInt64(), root.GetProperty("worldGenVersion").GetInt32(),
             root.GetProperty("seedMatchesSeedName").GetBoolean()));
    }

    [Fact]
    public void Show_prints_the_fields_as_text_and_takes_a_world_folder()
    {
        using var worlds = new TempDirectory();
        Cli.Run("world", "create", "--name", "Troll", "--seed", "htsE7kJL5K", "--dir", worlds.Path);

        CliResult shown = Cli.Run("world", "show", worlds.Combine("Troll"));

        Assert.Equal(0, shown.ExitCode);
        Assert.Contains("version:         41 (Valheim 1.0)", shown.Output, StringComparison.Ordinal);
        Assert.Contains("seed name:       htsE7kJL5K", shown.Output, StringComparison.Ordinal);
        Assert.Contains("seed:            -812712818", shown.Output, StringComparison.Ordinal);
        Assert.Contains("worldGenVersion: 2", shown.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Show_reads_an_old_version_36_file()
    {
        using var folder = new TempDirectory();
        string path = folder.Combine("hnLycKKCMI.fwl");
        WorldMetadataFile.Write(path, new WorldMetadata { Version = 36, Name = "hnLycKKCMI", SeedName = "hnLycKKCMI", Seed = 1706363555, Uid = 9, WorldGenVersion = 2, NeedsDb = true, StartingGlobalKeys = ["nomap"] }, overwrite: false);

        CliResult shown = Cli.Run("world", "show", path);

        Assert.Equal(0, shown.ExitCode);
        Assert.Contains("version:         36\n", shown.Output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains("seed:            1706363555", shown.Output, StringComparison.Ordinal);
        Assert.Contains("starting keys:   nomap", shown.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_refuses_to_overwrite_unless_forced()
    {
        using var worlds = new TempDirectory();
        Cli.Run("world", "create", "--name", "Midgard", "--seed", "first", "--dir", worlds.Path);

        CliResult again = Cli.Run("world", "create", "--name", "Midgard", "--seed", "second", "--dir", worlds.Path);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("--force", again.Error, StringComparison.Ordinal);
        Assert.Single(again.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("first", WorldMetadataFile.Read(Path.Combine(worlds.Path, "Midgard", "_main.0.fwl2")).SeedName);

        CliResult forced = Cli.Run("world", "create", "--name", "Midgard", "--seed", "second", "--dir", worlds.Path, "--force");
        Assert.Equal(0, forced.ExitCode);
        Assert.Equal("second", WorldMetadataFile.Read(Path.Combine(worlds.Path, "Midgard", "_main.0.fwl2")).SeedName);
    }

    [Theory]
    [InlineData("a/b")]
    [InlineData("../escape")]
    [InlineData("")]
    [InlineData(" Midgard")]
    public void A_bad_name_is_one_line_and_writes_nothing(string name)
    {
        using var worlds = new TempDirectory();

        CliResult result = Cli.Run("world", "create", "--name", name, "--seed", "x", "--dir", worlds.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("vwe: --name", result.Error, StringComparison.Ordinal);
        Assert.Single(result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Empty(worlds.Entries());
    }

    [Fact]
    public void A_too_long_seed_is_one_line_offering_only_what_create_has_and_writes_nothing()
    {
        using var worlds = new TempDirectory();

        CliResult result = Cli.Run("world", "create", "--name", "Midgard", "--seed", new string('a', 4097), "--dir", worlds.Path);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("vwe: seed text is 4097 UTF-16 code units long; the limit is 4096. Use a shorter text.\n", result.Error.ReplaceLineEndings("\n"));
        Assert.Empty(worlds.Entries());
    }

    [Fact]
    public void Show_of_an_unknown_version_or_truncated_file_is_one_line_with_exit_2()
    {
        using var folder = new TempDirectory();
        string future = folder.Combine("future.fwl2");
        File.WriteAllBytes(future, [8, 0, 0, 0, 42, 0, 0, 0, 0, 0, 0, 0]);
        string cut = folder.Combine("cut.fwl");
        File.WriteAllBytes(cut, Convert.FromHexString("a6000000240000000a686e4c79634b4b434d490a686e4c79634b4b434d49a30a"));

        CliResult unknown = Cli.Run("world", "show", future);
        CliResult truncated = Cli.Run("world", "show", cut);

        Assert.Equal((2, ""), (unknown.ExitCode, unknown.Output));
        Assert.Contains("'future.fwl2' is world file version 42; vwe reads versions 9 to 41", unknown.Error, StringComparison.Ordinal);
        Assert.Single(unknown.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal((2, ""), (truncated.ExitCode, truncated.Output));
        Assert.Contains("'cut.fwl' is truncated", truncated.Error, StringComparison.Ordinal);
        Assert.Single(truncated.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
