using Vwe.WorldGen;

namespace Vwe.GameFiles.Worlds;

/// <summary>
/// A world's metadata as the game keeps it in its <c>.fwl</c> / <c>.fwl2</c> file (<c>World</c>'s saved fields, in file
/// order). Fields a version does not carry hold the game's defaults: generator version 0, no database needed, no
/// keys, no player history. The stored <see cref="Seed"/> is what the generator uses; the game never recomputes it
/// from <see cref="SeedName"/>.
/// </summary>
public sealed record WorldMetadata
{
    /// <summary>The generator version every world made since the Mistlands update carries, and the one vwe computes.</summary>
    public const int CurrentWorldGenVersion = 2;

    public required int Version { get; init; }

    public required string Name { get; init; }

    public required string SeedName { get; init; }

    public required int Seed { get; init; }

    /// <summary>The world's unique id (characters key their map exploration by it).</summary>
    public required long Uid { get; init; }

    public int WorldGenVersion { get; init; }

    /// <summary>True once the game has saved the world's database; a world whose database is missing then fails to load.</summary>
    public bool NeedsDb { get; init; }

    public IReadOnlyList<string> StartingGlobalKeys { get; init; } = [];

    public IReadOnlyList<PlayerHistoryEntry> PlayerHistory { get; init; } = [];

    /// <summary>
    /// A world as the game's new-world dialog makes it, at the current version: the seed hashed from the seed text
    /// (the empty text is world 0), generator version 2, never saved (so the server generates it on first start),
    /// no world modifiers, no players.
    /// </summary>
    public static WorldMetadata CreateNew(string name, string seedName, long uid)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(seedName);
        return new WorldMetadata
        {
            Version = WorldVersions.Current,
            Name = name,
            SeedName = seedName,
            Seed = StableHash.WorldSeed(seedName),
            Uid = uid,
            WorldGenVersion = CurrentWorldGenVersion,
        };
    }

    /// <summary>
    /// A fresh uid the way the game forms one: the name's stable hash plus a random positive int (the game adds a
    /// hash of the host name and a <c>Random.Range(1, int.MaxValue)</c>; only uniqueness matters).
    /// </summary>
    public static long NewUid(string name) =>
        (long)StableHash.GetStableHashCode(name) + System.Security.Cryptography.RandomNumberGenerator.GetInt32(1, int.MaxValue);

    // Records compare lists by reference; compare them by content so a parsed file equals the metadata written.
    public bool Equals(WorldMetadata? other) =>
        other is not null
        && Version == other.Version
        && Name == other.Name
        && SeedName == other.SeedName
        && Seed == other.Seed
        && Uid == other.Uid
        && WorldGenVersion == other.WorldGenVersion
        && NeedsDb == other.NeedsDb
        && StartingGlobalKeys.SequenceEqual(other.StartingGlobalKeys)
        && PlayerHistory.SequenceEqual(other.PlayerHistory);

    public override int GetHashCode() => HashCode.Combine(Version, Name, SeedName, Seed, Uid, WorldGenVersion, NeedsDb);
}

/// <summary>One player the world has seen (1.0, <c>CrossNetworkUserInfo</c>): four strings, in file order.</summary>
public sealed record PlayerHistoryEntry(string PlatformUserId, string DisplayName, string ServerAssignedName, string PlayFabId);
