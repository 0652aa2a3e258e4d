using System.Text;

namespace Vwe.Maps.Export;

/// <summary>Checks on the output folder the user gave, made before anything is written.</summary>
public static class OutputPath
{
    /// <summary>The longest file name, in bytes, that Linux file systems (NAME_MAX) and most others take.</summary>
    public const int MaxNameBytes = 255;

    /// <summary>The longest output folder name: its staging sibling adds <see cref="StagingDirectory.SiblingSuffixLength"/> bytes.</summary>
    public const int MaxFolderNameBytes = MaxNameBytes - StagingDirectory.SiblingSuffixLength;

    /// <summary>
    /// The absolute, normalised output folder. Throws <see cref="ArgumentException"/> when the path itself is
    /// unusable (a name too long for the staging sibling, a symbolic link) and <see cref="IOException"/> when
    /// what is on disk keeps it from becoming a folder.
    /// </summary>
    public static string Check(string outputDirectory)
    {
        string full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(outputDirectory));
        string? parent = Path.GetDirectoryName(full);
        if (parent is null)
        {
            throw new IOException($"output folder '{outputDirectory}' is a filesystem root; give a folder inside it");
        }

        // The export is written into '<name>.tmp-<random>' and renamed: that sibling's name must fit too, or the
        // failure would come only after the world was generated and sampled.
        int nameBytes = Encoding.UTF8.GetByteCount(Path.GetFileName(full));
        if (nameBytes > MaxFolderNameBytes)
        {
            throw new ArgumentException(
                $"output folder name '{Path.GetFileName(full)}' is {nameBytes} bytes (UTF-8); the limit is {MaxFolderNameBytes}, since its temporary sibling adds {StagingDirectory.SiblingSuffixLength} bytes and file names stop at {MaxNameBytes}. Give a shorter folder name.");
        }

        // The commit renames the folder into place: on a link it would replace the link and leave the target stale.
        var link = new FileInfo(full);
        if (link.LinkTarget is not null)
        {
            string target = link.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? link.LinkTarget;
            throw new ArgumentException(
                $"output folder '{outputDirectory}' is a symbolic link; the export is renamed into place, which would replace the link and leave its target stale. Give the target path instead: '{target}'.");
        }

        if (File.Exists(full))
        {
            throw new IOException($"output folder '{outputDirectory}' is an existing file; give a folder path, or move the file away.");
        }

        // The nearest existing ancestor must be a folder: a file there would make every step below fail half-way.
        for (string? ancestor = parent; ancestor is not null; ancestor = Path.GetDirectoryName(ancestor))
        {
            if (File.Exists(ancestor))
            {
                throw new IOException(
                    $"output folder '{outputDirectory}' lies under '{ancestor}', which is a file; give a folder path.");
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
    /// name), or null. The folder is replaced as a whole, so such an entry means the path was probably mistyped
    /// and replacing it would lose something that is not an export.
    /// </summary>
    public static string? ForeignEntry(string fullPath)
    {
        if (!Directory.Exists(fullPath))
        {
            return null;
        }

        return Directory.EnumerateFileSystemEntries(fullPath)
            .FirstOrDefault(entry => !File.Exists(entry) || !ExportFileNames.IsExportFile(Path.GetFileName(entry))) is { } foreign
            ? Path.GetFileName(foreign)
            : null;
    }
}
