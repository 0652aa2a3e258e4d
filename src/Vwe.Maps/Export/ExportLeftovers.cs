namespace Vwe.Maps.Export;

/// <summary>
/// Staging folders (<c>&lt;out&gt;.tmp-&lt;random&gt;</c>) whose writer died before it could delete them: an engine
/// process killed mid-export cannot clean up after itself, and its job is retried into a staging folder of its own.
/// Whoever ran the export removes them once no engine can be writing there any more (its pool closed).
/// </summary>
public static class ExportLeftovers
{
    /// <summary>
    /// Deletes the staging siblings of <paramref name="finalPath"/> last written at or after
    /// <paramref name="sinceUtc"/> (so only this run's); returns how many were removed.
    /// </summary>
    public static int RemoveStaging(string finalPath, DateTime sinceUtc)
    {
        ArgumentNullException.ThrowIfNull(finalPath);
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(finalPath));
        string? parent = Path.GetDirectoryName(full);
        if (parent is null || !Directory.Exists(parent))
        {
            return 0;
        }

        int removed = 0;
        foreach (string entry in Directory.EnumerateDirectories(parent, Path.GetFileName(full) + ".tmp-*"))
        {
            if (!StagingDirectory.IsStagingOf(full, entry) || Directory.GetLastWriteTimeUtc(entry) < sinceUtc)
            {
                continue;
            }

            try
            {
                Directory.Delete(entry, recursive: true);
                removed++;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Gone already, or not ours to delete: the export itself succeeded or failed on its own terms.
            }
        }

        return removed;
    }
}
