using System.Globalization;

namespace Vwe.GameFiles.Worlds;

/// <summary>
/// Where the game keeps a world. Valheim 1.0 saves each world in its own folder under the worlds folder
/// (<c>&lt;savedir&gt;/worlds_local/NAME/</c>) as numbered sets <c>_main.N.fwl2</c>, <c>.db2</c>, <c>.chunks</c>,
/// <c>.ok</c> plus <c>*.chunk</c> files, and creates a new world as a lone <c>_main.0.fwl2</c>; the game
/// loads the newest complete set, or that lone header. Before 1.0 a world was <c>NAME.fwl</c> + <c>NAME.db</c>
/// directly in the worlds folder. The minimap caches sit in the world's folder too.
/// </summary>
public static class WorldSaveFolder
{
    /// <summary>The header of a world that was created but never saved.</summary>
    public const string NewWorldMetadataFileName = "_main.0.fwl2";

    public const string MetadataExtension = ".fwl2";

    public const string LegacyMetadataExtension = ".fwl";

    private const string SavePrefix = "_main.";

    /// <summary>The world's folder: <c>worlds/NAME</c>.</summary>
    public static string WorldFolder(string worldsFolder, string name) => Path.Combine(worldsFolder, name);

    /// <summary>Where <c>vwe world create</c> writes: <c>worlds/NAME/_main.0.fwl2</c>.</summary>
    public static string NewWorldMetadataPath(string worldsFolder, string name) =>
        Path.Combine(WorldFolder(worldsFolder, name), NewWorldMetadataFileName);

    /// <summary>A pre-1.0 world of this name: <c>worlds/NAME.fwl</c>.</summary>
    public static string LegacyMetadataPath(string worldsFolder, string name) =>
        Path.Combine(worldsFolder, name + LegacyMetadataExtension);

    /// <summary>The metadata file of the newest save set in a world folder (highest N of <c>_main.N.fwl2</c>), or null.</summary>
    public static string? NewestMetadata(string worldFolder)
    {
        if (!Directory.Exists(worldFolder))
        {
            return null;
        }

        return Directory.EnumerateFiles(worldFolder, SavePrefix + "*" + MetadataExtension)
            .Select(path => (Path: path, Number: SaveNumber(Path.GetFileName(path))))
            .Where(save => save.Number is not null)
            .OrderByDescending(save => save.Number)
            .Select(save => save.Path)
            .FirstOrDefault();
    }

    /// <summary>
    /// The files of a world folder that belong to a saved game (any save set but the lone new-world header, and
    /// chunk files): a new header there would be ignored or deleted by the game, which loads its newest complete set.
    /// </summary>
    public static IReadOnlyList<string> SavedGameFiles(string worldFolder)
    {
        if (!Directory.Exists(worldFolder))
        {
            return [];
        }

        return [.. Directory.EnumerateFiles(worldFolder)
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => name != NewWorldMetadataFileName
                && (name.StartsWith(SavePrefix, StringComparison.Ordinal) || name.EndsWith(".chunk", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal)];
    }

    /// <summary>N of <c>_main.N.fwl2</c>, or null when the name has another shape.</summary>
    internal static uint? SaveNumber(string fileName)
    {
        if (!fileName.StartsWith(SavePrefix, StringComparison.Ordinal) || !fileName.EndsWith(MetadataExtension, StringComparison.Ordinal))
        {
            return null;
        }

        string number = fileName[SavePrefix.Length..^MetadataExtension.Length];
        return number.Length > 0 && number.All(char.IsAsciiDigit)
            && uint.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out uint value)
            ? value
            : null;
    }
}
