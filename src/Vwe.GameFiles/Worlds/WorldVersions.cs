namespace Vwe.GameFiles.Worlds;

/// <summary>
/// The world-file versions of the game's world metadata (<c>Version.m_worldVersion</c>) and the version at which
/// each optional field of the metadata appears, as <c>World.LoadWorld</c> of Valheim 1.0 reads them
/// (docs/game-files.md). A field is present in a file exactly when the file's version is at least its gate.
/// </summary>
public static class WorldVersions
{
    /// <summary>The oldest version the game still loads (<c>m_oldestForwardCompatibleWorldVersion</c>).</summary>
    public const int Oldest = 9;

    /// <summary>From here on the file holds <c>m_worldGenVersion</c>; older worlds are generator version 0.</summary>
    public const int WorldGenVersionField = 26;

    /// <summary>From here on the file holds <c>m_needsDB</c>.</summary>
    public const int NeedsDbField = 30;

    /// <summary>From here on the file holds the starting global keys (world modifiers).</summary>
    public const int StartingGlobalKeysField = 32;

    /// <summary>The newest version of the pre-1.0 <c>NAME.fwl</c> files (0.217 to 0.221, "Ashlands").</summary>
    public const int LastBeforeDeepNorth = 37;

    /// <summary>From here on the file holds the player history; also 1.0's own version ("DeepNorth").</summary>
    public const int PlayerHistoryField = 41;

    /// <summary>What Valheim 1.0 (measured on 1.0.15 and 1.0.16) writes, and the newest version it loads.</summary>
    public const int Current = 41;

    public static bool IsSupported(int version) => version is >= Oldest and <= Current;

    public static string SupportedRange => $"{Oldest} to {Current}";
}
