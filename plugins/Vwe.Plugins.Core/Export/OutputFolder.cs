using System;
using System.IO;
using System.Linq;
using System.Text;

namespace Vwe.Plugins.Core.Export;

/// <summary>
/// Checks on the output folder a request names, made before any world is loaded (docs/protocol.md E13), with
/// the rules src/Vwe.Maps' OutputPath applies. <see cref="ArgumentException"/> means the request is bad
/// (bad-request); <see cref="IOException"/> that the file system is in the way (io).
/// </summary>
public static class OutputFolder
{
    /// <summary>The longest file name, in bytes, Linux file systems (NAME_MAX) take.</summary>
    public const int MaxNameBytes = 255;

    /// <summary>The longest output folder name: its staging sibling adds <see cref="StagingFolder.SiblingSuffixLength"/> bytes.</summary>
    public const int MaxFolderNameBytes = MaxNameBytes - StagingFolder.SiblingSuffixLength;

    /// <summary>The absolute, normalised output folder, after every check that needs no world.</summary>
    public static string Check(string outputDirectory)
    {
        if (!IsFullyQualified(outputDirectory))
        {
            // The engine's working folder means nothing to the client: only absolute paths are unambiguous.
            throw new ArgumentException($"outputDirectory '{outputDirectory}' is not an absolute path; give the folder's full path on the engine's file system");
        }

        string full = TrimEndSeparators(Path.GetFullPath(outputDirectory));
        string? parent = Path.GetDirectoryName(full);
        if (string.IsNullOrEmpty(parent))
        {
            throw new IOException($"output folder '{outputDirectory}' is a filesystem root; give a folder inside it");
        }

        // The export is written into '<name>.tmp-<random>' and renamed: that sibling's name must fit too, or the
        // failure would come only after the world was loaded and sampled.
        int nameBytes = Encoding.UTF8.GetByteCount(Path.GetFileName(full));
        if (nameBytes > MaxFolderNameBytes)
        {
            throw new ArgumentException(FormattableString.Invariant(
                $"output folder name '{Path.GetFileName(full)}' is {nameBytes} bytes (UTF-8); the limit is {MaxFolderNameBytes}, since its temporary sibling adds {StagingFolder.SiblingSuffixLength} bytes and file names stop at {MaxNameBytes}. Give a shorter folder name."));
        }

        // The commit renames the folder into place: on a link it would replace the link and leave the target stale.
        if (IsSymbolicLink(full))
        {
            throw new ArgumentException($"output folder '{outputDirectory}' is a symbolic link; the export is renamed into place, which would replace the link. Give the link's target instead");
        }

        if (File.Exists(full))
        {
            throw new IOException($"output folder '{outputDirectory}' is an existing file; give a folder path, or move the file away");
        }

        for (string? ancestor = parent; !string.IsNullOrEmpty(ancestor); ancestor = Path.GetDirectoryName(ancestor))
        {
            if (File.Exists(ancestor))
            {
                throw new IOException($"output folder '{outputDirectory}' lies under '{ancestor}', which is a file; give a folder path");
            }

            if (Directory.Exists(ancestor))
            {
                break;
            }
        }

        return full;
    }

    /// <summary>
    /// The first entry of an existing output folder that no export writes (a sub-folder, or a file of another
    /// name), or null. The folder is replaced as a whole, so such an entry means the path was probably mistyped.
    /// </summary>
    public static string? ForeignEntry(string fullPath)
    {
        if (!Directory.Exists(fullPath))
        {
            return null;
        }

        string? foreign = Directory.EnumerateFileSystemEntries(fullPath)
            .FirstOrDefault(entry => !File.Exists(entry) || !ExportFileNames.IsExportFile(Path.GetFileName(entry)));
        return foreign is null ? null : Path.GetFileName(foreign);
    }

    /// <summary>netstandard2.0 has no Path.IsPathFullyQualified: rooted, and on Windows with a drive or a UNC share.</summary>
    private static bool IsFullyQualified(string path)
    {
        if (string.IsNullOrEmpty(path) || !Path.IsPathRooted(path))
        {
            return false;
        }

        if (Path.DirectorySeparatorChar == '/')
        {
            return path[0] == '/';
        }

        return (path.Length >= 3 && path[1] == ':' && (path[2] == '\\' || path[2] == '/'))
            || path.StartsWith(@"\\", StringComparison.Ordinal);
    }

    private static string TrimEndSeparators(string path)
    {
        string root = Path.GetPathRoot(path) ?? "";
        string trimmed = path.TrimEnd(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return trimmed.Length < root.Length ? root : trimmed;
    }

    /// <summary>netstandard2.0 has no LinkTarget: both .NET and Mono mark a symbolic link with ReparsePoint.</summary>
    private static bool IsSymbolicLink(string path)
    {
        try
        {
            return (File.Exists(path) || Directory.Exists(path))
                && (File.GetAttributes(path) & FileAttributes.ReparsePoint) != 0;
        }
        catch (IOException)
        {
            return false;
        }
    }
}
