namespace Vwe.GameFiles.Worlds;

/// <summary>Writes a file under a temporary name in its folder, then renames it into place, so no reader ever sees half a file.</summary>
internal static class AtomicFile
{
    /// <summary>
    /// Writes <paramref name="bytes"/> to <paramref name="path"/>. Without <paramref name="overwrite"/> an existing
    /// file is kept and <see cref="IOException"/> thrown (the rename itself refuses, so a race cannot overwrite either).
    /// </summary>
    public static void Write(string path, ReadOnlySpan<byte> bytes, bool overwrite)
    {
        string folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        string temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                file.Write(bytes);
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
