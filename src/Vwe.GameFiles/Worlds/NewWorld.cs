namespace Vwe.GameFiles.Worlds;

/// <summary>
/// Creates a world for Valheim 1.0 the way its new-world dialog and a dedicated server's first start do: a lone
/// <c>_main.0.fwl2</c> (world version 41, never saved) in <c>worlds/NAME/</c>. Started with <c>-world NAME</c>, the
/// server finds no saved set, loads this header and generates the world from its seed.
/// </summary>
public static class NewWorld
{
    /// <summary>Writes the world's header and returns its path. Refuses to replace anything a game saved, and an earlier header unless <paramref name="force"/>.</summary>
    public static string Create(string worldsFolder, WorldMetadata metadata, bool force)
    {
        ArgumentNullException.ThrowIfNull(worldsFolder);
        ArgumentNullException.ThrowIfNull(metadata);
        if (WorldName.Problem(metadata.Name) is { } problem)
        {
            throw new ArgumentException($"world name '{metadata.Name}' {problem}", nameof(metadata));
        }

        string folder = WorldSaveFolder.WorldFolder(worldsFolder, metadata.Name);
        if (File.Exists(folder))
        {
            throw new GameFileException($"'{folder}' is a file, not a world folder; choose another name or --dir.");
        }

        IReadOnlyList<string> saved = WorldSaveFolder.SavedGameFiles(folder);
        if (saved.Count > 0)
        {
            // Even --force: the game would load the saved set and delete the new header, so the seed would not apply.
            throw new GameFileException(
                $"'{folder}' holds a saved game ({string.Join(", ", saved.Take(3))}{(saved.Count > 3 ? ", …" : "")}); the game " +
                "loads that and would discard a new header. Choose another --name, or move that folder away first.");
        }

        string legacy = WorldSaveFolder.LegacyMetadataPath(worldsFolder, metadata.Name);
        if (File.Exists(legacy) && !force)
        {
            throw new GameFileException(
                $"a pre-1.0 world '{legacy}' has the same name; pass --force to write the 1.0 world beside it, or choose another --name.");
        }

        string path = WorldSaveFolder.NewWorldMetadataPath(worldsFolder, metadata.Name);
        try
        {
            WorldMetadataFile.Write(path, metadata, overwrite: force);
        }
        catch (IOException) when (!force && File.Exists(path))
        {
            throw new GameFileException($"'{path}' already exists (a world created but not yet started); pass --force to replace it.");
        }

        return path;
    }
}
