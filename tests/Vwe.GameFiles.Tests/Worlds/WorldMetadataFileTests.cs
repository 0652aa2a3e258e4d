using Vwe.GameFiles.Worlds;
using Vwe.WorldGen;

namespace Vwe.GameFiles.Tests.Worlds;

public class WorldMetadataFileTests
{
    [Fact]
    public void Reads_a_header_the_game_wrote_for_a_new_world()
    {
        WorldMetadata troll = WorldMetadataFile.Parse(GameWrittenFiles.Troll, "_main.0.fwl2");

        Assert.Equal(41, troll.Version);
        Assert.Equal("Troll", troll.Name);
        Assert.Equal("htsE7kJL5K", troll.SeedName);
        Assert.Equal(StableHash.WorldSeed("htsE7kJL5K"), troll.Seed);
        Assert.Equal(unchecked((long)0xFFFFFFFFC60E0CD3UL), troll.Uid);
        Assert.Equal(2, troll.WorldGenVersion);
        Assert.False(troll.NeedsDb);
        Assert.Empty(troll.StartingGlobalKeys);
        Assert.Empty(troll.PlayerHistory);
    }

    [Fact]
    public void A_new_world_is_byte_for_byte_what_the_game_writes()
    {
        WorldMetadata created = WorldMetadata.CreateNew("Troll", "htsE7kJL5K", uid: unchecked((long)0xFFFFFFFFC60E0CD3UL));

        Assert.Equal(GameWrittenFiles.Troll, WorldMetadataFile.Serialize(created));
    }

    [Fact]
    public void The_published_hnLycKKCMI_prefix_is_what_a_version_36_world_of_that_seed_starts_with()
    {
        // The published bytes pin the length (166), the version, both strings and the seed's first two bytes.
        // The remaining 138 bytes are unpublished: uid, worldGenVersion and needsDB are set to plausible values and the
        // 119 bytes of starting keys the length implies are filled with keys made up for the purpose.
        var world = new WorldMetadata
        {
            Version = 36,
            Name = "hnLycKKCMI",
            SeedName = "hnLycKKCMI",
            Seed = StableHash.WorldSeed("hnLycKKCMI"),
            Uid = 1234567890123L,
            WorldGenVersion = 2,
            NeedsDb = true,
            StartingGlobalKeys = [new string('k', 57), new string('v', 60)],
        };

        byte[] file = WorldMetadataFile.Serialize(world);

        Assert.Equal(1706363555, world.Seed);
        Assert.Equal(170, file.Length);
        Assert.Equal(GameWrittenFiles.HnLycKKCMIFirst32, file[..32]);
        Assert.Equal(world, WorldMetadataFile.Parse(file, "hnLycKKCMI.fwl"));
    }

    [Fact]
    public void The_published_hnLycKKCMI_prefix_alone_is_reported_as_truncated_with_its_name()
    {
        var error = Assert.Throws<GameFileException>(() => WorldMetadataFile.Parse(GameWrittenFiles.HnLycKKCMIFirst32, "hnLycKKCMI.fwl"));

        Assert.Contains("'hnLycKKCMI.fwl'", error.Message, StringComparison.Ordinal);
        Assert.Contains("166", error.Message, StringComparison.Ordinal);
        Assert.Contains("28", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<int> EveryVersion => [.. Enumerable.Range(WorldVersions.Oldest, WorldVersions.Current - WorldVersions.Oldest + 1)];

    [Theory]
    [MemberData(nameof(EveryVersion))]
    public void Every_version_the_game_loads_round_trips_with_the_fields_it_carries(int version)
    {
        WorldMetadata world = Fill(version);

        byte[] file = WorldMetadataFile.Serialize(world);

        Assert.Equal(world, WorldMetadataFile.Parse(file, "world.fwl"));
        Assert.Equal(ExpectedLength(version), file.Length);
    }

    [Fact]
    public void A_version_25_file_has_no_generator_version_and_reads_as_generator_version_0()
    {
        byte[] file = Package(25, w =>
        {
            w.Write("Old");
            w.Write("seed");
            w.Write(42);
            w.Write(7L);
        });

        WorldMetadata old = WorldMetadataFile.Parse(file, "Old.fwl");

        Assert.Equal((25, "Old", "seed", 42, 7L, 0, false), (old.Version, old.Name, old.SeedName, old.Seed, old.Uid, old.WorldGenVersion, old.NeedsDb));
    }

    [Theory]
    [InlineData(8)]
    [InlineData(42)]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(0x64636261)]
    public void An_unknown_version_names_the_file_the_version_and_the_versions_read(int version)
    {
        byte[] file = WorldMetadataFile.Serialize(Fill(41));
        BitConverter.GetBytes(version).CopyTo(file, 4);

        var error = Assert.Throws<GameFileException>(() => WorldMetadataFile.Parse(file, "Mystery.fwl2"));

        Assert.Contains("'Mystery.fwl2'", error.Message, StringComparison.Ordinal);
        Assert.Contains($"version {version};", error.Message, StringComparison.Ordinal);
        Assert.Contains("9 to 41", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_cut_anywhere_is_an_error_naming_it_never_a_result()
    {
        byte[] whole = WorldMetadataFile.Serialize(Fill(41));
        for (int length = 0; length < whole.Length; length++)
        {
            // Cut the file, and also keep the length field consistent with the cut: both must fail cleanly.
            byte[] cut = whole[..length];
            var error = Assert.Throws<GameFileException>(() => WorldMetadataFile.Parse(cut, "cut.fwl2"));
            Assert.Contains("'cut.fwl2'", error.Message, StringComparison.Ordinal);

            if (length >= 8)
            {
                byte[] consistent = [.. cut];
                BitConverter.GetBytes(length - 4).CopyTo(consistent, 0);
                error = Assert.Throws<GameFileException>(() => WorldMetadataFile.Parse(consistent, "cut.fwl2"));
                Assert.Contains("'cut.fwl2'", error.Message, StringComparison.Ordinal);
                Assert.Contains("version 41", error.Message, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Bytes_the_version_does_not_define_are_refused()
    {
        byte[] file = [.. WorldMetadataFile.Serialize(Fill(37)), 0];
        BitConverter.GetBytes(file.Length - 4).CopyTo(file, 0);

        var error = Assert.Throws<GameFileException>(() => WorldMetadataFile.Parse(file, "long.fwl"));

        Assert.Contains("1 bytes follow its last field", error.Message, StringComparison.Ordinal);
        Assert.Contains("world version 37", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bytes_after_the_package_are_ignored_as_the_game_ignores_them()
    {
        byte[] file = [.. GameWrittenFiles.Troll, 1, 2, 3];

        Assert.Equal("Troll", WorldMetadataFile.Parse(file, "_main.0.fwl2").Name);
    }

    [Fact]
    public void A_name_that_is_not_UTF8_is_refused()
    {
        byte[] file = Package(41, w =>
        {
            w.Write((byte)2);
            w.Write((byte)0xC3);
            w.Write((byte)0x28);
        });

        var error = Assert.Throws<GameFileException>(() => WorldMetadataFile.Parse(file, "bad.fwl2"));

        Assert.Contains("name is not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_ASCII_names_and_long_keys_use_the_games_string_encoding()
    {
        WorldMetadata world = Fill(41) with { Name = "Ásgarðr ᚠ", StartingGlobalKeys = [new string('x', 300)] };

        byte[] file = WorldMetadataFile.Serialize(world);

        Assert.Equal(world, WorldMetadataFile.Parse(file, "w.fwl2"));
        int nameBytes = System.Text.Encoding.UTF8.GetByteCount(world.Name);
        Assert.Equal(nameBytes, file[8]); // one length byte, then UTF-8
        Assert.Contains(Windows(file), pair => pair is [0xAC, 0x02]); // 300 as a 7-bit-encoded length
    }

    [Fact]
    public void A_field_the_version_cannot_hold_is_refused_when_writing()
    {
        Assert.Throws<ArgumentException>(() => WorldMetadataFile.Serialize(Fill(31) with { StartingGlobalKeys = ["k"] }));
        Assert.Throws<ArgumentException>(() => WorldMetadataFile.Serialize(Fill(25) with { WorldGenVersion = 2 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => WorldMetadataFile.Serialize(Fill(41) with { Version = 42 }));
    }

    /// <summary>A world with every field the version carries set to something other than the default.</summary>
    internal static WorldMetadata Fill(int version) => new()
    {
        Version = version,
        Name = "Midgard",
        SeedName = "hnLycKKCMI",
        Seed = 1706363555,
        Uid = -987654321012345L,
        WorldGenVersion = version >= 26 ? 2 : 0,
        NeedsDb = version >= 30,
        StartingGlobalKeys = version >= 32 ? ["playerdamage 85", "preset combat_hard"] : [],
        PlayerHistory = version >= 41 ? [new PlayerHistoryEntry("Steam_76561190000000000", "Ragnar", "Ragnar", "ABCDEF0123456789")] : [],
    };

    private static int ExpectedLength(int version)
    {
        int length = 4 + 4 + 8 + 11 + 4 + 8; // byte count, version, "Midgard", "hnLycKKCMI", seed, uid
        length += version >= 26 ? 4 : 0;
        length += version >= 30 ? 1 : 0;
        length += version >= 32 ? 4 + 16 + 19 : 0;
        length += version >= 41 ? 4 + 24 + 7 + 7 + 17 : 0;
        return length;
    }

    private static byte[] Package(int version, Action<BinaryWriter> fields)
    {
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer))
        {
            writer.Write(0);
            writer.Write(version);
            fields(writer);
        }

        byte[] bytes = buffer.ToArray();
        BitConverter.GetBytes(bytes.Length - 4).CopyTo(bytes, 0);
        return bytes;
    }

    private static IEnumerable<byte[]> Windows(byte[] bytes) => Enumerable.Range(0, bytes.Length - 1).Select(i => bytes[i..(i + 2)]);
}
