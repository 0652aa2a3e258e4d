using Vwe.GameFiles.Worlds;

namespace Vwe.GameFiles.Tests.Worlds;

public class NewWorldTests
{
    [Fact]
    public void Writes_a_lone_new_world_header_in_the_worlds_own_folder()
    {
        using var worlds = new TempDirectory();
        WorldMetadata world = WorldMetadata.CreateNew("Vanaheim", "hnLycKKCMI", uid: 5);

        string path = NewWorld.Create(worlds.Path, world, force: false);

        Assert.Equal(worlds.Combine("Vanaheim", "_main.0.fwl2"), path);
        Assert.Equal(["Vanaheim", Path.Combine("Vanaheim", "_main.0.fwl2")], worlds.Entries());
        Assert.Equal(world, WorldMetadataFile.Read(path));
    }

    [Fact]
    public void Refuses_to_replace_an_existing_header_unless_forced()
    {
        using var worlds = new TempDirectory();
        string path = NewWorld.Create(worlds.Path, WorldMetadata.CreateNew("Vanaheim", "first", 1), force: false);

        var error = Assert.Throws<GameFileException>(() => NewWorld.Create(worlds.Path, WorldMetadata.CreateNew("Vanaheim", "second", 2), force: false));
        Assert.Contains("--force", error.Message, StringComparison.Ordinal);
        Assert.Equal("first", WorldMetadataFile.Read(path).SeedName);

        NewWorld.Create(worlds.Path, WorldMetadata.CreateNew("Vanaheim", "second", 2), force: true);
        Assert.Equal("second", WorldMetadataFile.Read(path).SeedName);
        Assert.Equal(["Vanaheim", Path.Combine("Vanaheim", "_main.0.fwl2")], worlds.Entries());
    }

    [Fact]
    public void Never_writes_into_a_saved_game_even_when_forced()
    {
        using var worlds = new TempDirectory();
        Directory.CreateDirectory(worlds.Combine("Vanaheim"));
        File.WriteAllBytes(worlds.Combine("Vanaheim", "_main.3.db2"), [1]);

        var error = Assert.Throws<GameFileException>(() => NewWorld.Create(worlds.Path, WorldMetadata.CreateNew("Vanaheim", "s", 1), force: true));

        Assert.Contains("_main.3.db2", error.Message, StringComparison.Ordinal);
        Assert.Equal(["Vanaheim", Path.Combine("Vanaheim", "_main.3.db2")], worlds.Entries());
    }

    [Fact]
    public void Newest_metadata_is_the_highest_numbered_header()
    {
        using var worlds = new TempDirectory();
        string folder = worlds.Combine("W");
        Directory.CreateDirectory(folder);
        foreach (string name in new[] { "_main.2.fwl2", "_main.10.fwl2", "_main.x.fwl2", "_main.9.fwl2", "other.fwl2" })
        {
            File.WriteAllBytes(Path.Combine(folder, name), []);
        }

        Assert.Equal(Path.Combine(folder, "_main.10.fwl2"), WorldSaveFolder.NewestMetadata(folder));
        Assert.Null(WorldSaveFolder.NewestMetadata(worlds.Combine("missing")));
    }

    [Theory]
    [InlineData("Midgard", null)]
    [InlineData("My world 2", null)]
    [InlineData("", "is empty")]
    [InlineData(" padded", "white space")]
    [InlineData("a/b", "'/'")]
    [InlineData("a\\b", "'\\'")]
    [InlineData("..", "dot")]
    [InlineData("tab\there", "U+0009")]
    [InlineData("what?", "'?'")]
    public void World_names_are_plain_file_names(string name, string? problem)
    {
        string? found = WorldName.Problem(name);

        if (problem is null)
        {
            Assert.Null(found);
        }
        else
        {
            Assert.Contains(problem, found, StringComparison.Ordinal);
        }
    }
}
