using System.Buffers.Binary;
using System.Text;

namespace Vwe.GameFiles.Worlds;

/// <summary>
/// The game's world metadata file (<c>NAME.fwl</c> before 1.0, <c>_main.N.fwl2</c> in 1.0): an int32 byte count, then
/// a <c>ZPackage</c> of <see cref="WorldMetadata"/>'s fields in file order, each optional field present from the
/// version in <see cref="WorldVersions"/> on (layout: docs/game-files.md). Reading accepts every version the game
/// loads (9 to 41) and nothing else; writing is byte-for-byte what <c>World.SaveWorldFWLData</c> writes.
/// </summary>
public static class WorldMetadataFile
{
    /// <summary>Far above any real file (a few hundred bytes); a bigger file is not a world's metadata.</summary>
    public const int MaxFileBytes = 1 << 20;

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static WorldMetadata Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        string name = Path.GetFileName(path);
        byte[] bytes;
        try
        {
            using FileStream file = new(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            if (file.Length > MaxFileBytes)
            {
                throw new GameFileException(
                    $"'{path}' is {file.Length} bytes; a world metadata file is a few hundred. Give the world's .fwl or .fwl2 file.");
            }

            bytes = new byte[file.Length];
            file.ReadExactly(bytes);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new GameFileException($"'{path}' does not exist; give the world's .fwl or .fwl2 file (or its world folder).", exception);
        }
        catch (UnauthorizedAccessException exception)
        {
            throw new GameFileException($"'{path}' cannot be read ({exception.Message}).", exception);
        }

        return Parse(bytes, name);
    }

    /// <summary>Writes <paramref name="metadata"/> to <paramref name="path"/> atomically (temporary name, then rename).</summary>
    public static void Write(string path, WorldMetadata metadata, bool overwrite) =>
        AtomicFile.Write(path, Serialize(metadata), overwrite);

    /// <summary>Parses a whole metadata file; <paramref name="fileName"/> names it in errors.</summary>
    public static WorldMetadata Parse(ReadOnlySpan<byte> file, string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        if (file.Length < 4)
        {
            throw new GameFileException(
                $"'{fileName}' is truncated: {file.Length} bytes, fewer than the 4 of its length field. Use the game's backup of it.");
        }

        int length = BinaryPrimitives.ReadInt32LittleEndian(file);
        if (length < 4 || length > file.Length - 4)
        {
            throw new GameFileException(
                $"'{fileName}' is truncated or not a Valheim world file: its length field says {length} bytes follow, " +
                $"but {file.Length - 4} do. Use the game's backup of it.");
        }

        // The game reads exactly `length` bytes and ignores anything after them, and so do we.
        var reader = new PackageReader(file.Slice(4, length), fileName);
        int version = reader.ReadInt32("world version");
        if (!WorldVersions.IsSupported(version))
        {
            throw new GameFileException(
                $"'{fileName}' is world file version {version}; vwe reads versions {WorldVersions.SupportedRange} " +
                $"(Valheim up to 1.0.16). Check that it is a world's .fwl or .fwl2 file, from a game vwe knows.");
        }

        reader.Version = version;
        var metadata = new WorldMetadata
        {
            Version = version,
            Name = reader.ReadString("name"),
            SeedName = reader.ReadString("seed name"),
            Seed = reader.ReadInt32("seed"),
            Uid = reader.ReadInt64("uid"),
            WorldGenVersion = version >= WorldVersions.WorldGenVersionField ? reader.ReadInt32("worldGenVersion") : 0,
            NeedsDb = version >= WorldVersions.NeedsDbField && reader.ReadBool("needsDB flag"),
            StartingGlobalKeys = version >= WorldVersions.StartingGlobalKeysField ? ReadKeys(ref reader) : [],
            PlayerHistory = version >= WorldVersions.PlayerHistoryField ? ReadPlayerHistory(ref reader) : [],
        };

        // Bytes the version does not define mean the file is not the layout we think it is: refuse, never guess.
        if (reader.Remaining != 0)
        {
            throw reader.Corrupt($"{reader.Remaining} bytes follow its last field, which world version {version} does not define");
        }

        return metadata;
    }

    /// <summary>The file's bytes: the int32 byte count, then the package (the version decides which fields are written).</summary>
    public static byte[] Serialize(WorldMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        CheckFitsVersion(metadata);
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Utf8, leaveOpen: true))
        {
            writer.Write(0); // the byte count, filled in below
            writer.Write(metadata.Version);
            writer.Write(metadata.Name);
            writer.Write(metadata.SeedName);
            writer.Write(metadata.Seed);
            writer.Write(metadata.Uid);
            if (metadata.Version >= WorldVersions.WorldGenVersionField)
            {
                writer.Write(metadata.WorldGenVersion);
            }

            if (metadata.Version >= WorldVersions.NeedsDbField)
            {
                writer.Write(metadata.NeedsDb);
            }

            if (metadata.Version >= WorldVersions.StartingGlobalKeysField)
            {
                writer.Write(metadata.StartingGlobalKeys.Count);
                foreach (string key in metadata.StartingGlobalKeys)
                {
                    writer.Write(key);
                }
            }

            if (metadata.Version >= WorldVersions.PlayerHistoryField)
            {
                writer.Write(metadata.PlayerHistory.Count);
                foreach (PlayerHistoryEntry player in metadata.PlayerHistory)
                {
                    writer.Write(player.PlatformUserId);
                    writer.Write(player.DisplayName);
                    writer.Write(player.ServerAssignedName);
                    writer.Write(player.PlayFabId);
                }
            }
        }

        byte[] bytes = buffer.ToArray();
        BinaryPrimitives.WriteInt32LittleEndian(bytes, bytes.Length - 4);
        return bytes;
    }

    private static string[] ReadKeys(ref PackageReader reader)
    {
        int count = reader.ReadCount("starting global key count", minItemBytes: 1);
        var keys = new string[count];
        for (int i = 0; i < count; i++)
        {
            keys[i] = reader.ReadString($"starting global key {i + 1} of {count}");
        }

        return keys;
    }

    private static PlayerHistoryEntry[] ReadPlayerHistory(ref PackageReader reader)
    {
        int count = reader.ReadCount("player history count", minItemBytes: 4);
        var players = new PlayerHistoryEntry[count];
        for (int i = 0; i < count; i++)
        {
            string which = $"player {i + 1} of {count}";
            players[i] = new PlayerHistoryEntry(
                reader.ReadString($"{which}'s platform user id"),
                reader.ReadString($"{which}'s display name"),
                reader.ReadString($"{which}'s server-assigned name"),
                reader.ReadString($"{which}'s PlayFab id"));
        }

        return players;
    }

    /// <summary>A field the version cannot carry would be silently lost: refuse instead, so what is written reads back equal.</summary>
    private static void CheckFitsVersion(WorldMetadata metadata)
    {
        int version = metadata.Version;
        if (!WorldVersions.IsSupported(version))
        {
            throw new ArgumentOutOfRangeException(
                nameof(metadata), version, $"world version {version} is outside {WorldVersions.SupportedRange}");
        }

        string? lost =
            version < WorldVersions.WorldGenVersionField && metadata.WorldGenVersion != 0 ? "worldGenVersion" :
            version < WorldVersions.NeedsDbField && metadata.NeedsDb ? "needsDB" :
            version < WorldVersions.StartingGlobalKeysField && metadata.StartingGlobalKeys.Count > 0 ? "starting global keys" :
            version < WorldVersions.PlayerHistoryField && metadata.PlayerHistory.Count > 0 ? "player history" :
            null;
        if (lost is not null)
        {
            throw new ArgumentException($"world version {version} has no {lost} field to hold the value given", nameof(metadata));
        }
    }
}
