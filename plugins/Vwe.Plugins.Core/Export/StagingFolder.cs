using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace Vwe.Plugins.Core.Export;

/// <summary>
/// A temporary sibling folder (<c>&lt;out&gt;.tmp-&lt;random&gt;</c>) an export is written into, then renamed to
/// the final folder in one step (docs/protocol.md E14). Until <see cref="Commit"/> succeeds, disposing deletes
/// it, so a failed or cancelled export leaves nothing half-written. Being a sibling keeps the rename on one file
/// system, where it is atomic.
/// </summary>
internal sealed class StagingFolder : IDisposable
{
    /// <summary>Bytes the staging and old-folder siblings add to the folder name: <c>.tmp-</c> or <c>.old-</c> and 12 hex digits.</summary>
    public const int SiblingSuffixLength = 5 + RandomHexLength;

    private const int RandomHexLength = 12;

    private readonly string? createdParent;
    private bool committed;

    private StagingFolder(string finalPath, string path, string? createdParent)
    {
        FinalPath = finalPath;
        Path = path;
        this.createdParent = createdParent;
    }

    public string FinalPath { get; }

    public string Path { get; }

    /// <summary>Creates the staging folder beside <paramref name="finalPath"/> (checked, absolute), and missing parents.</summary>
    public static StagingFolder Create(string finalPath)
    {
        string parent = System.IO.Path.GetDirectoryName(finalPath)
            ?? throw new IOException($"output folder '{finalPath}' has no parent folder");
        string? createdParent = OutermostMissing(parent);
        Directory.CreateDirectory(parent);
        string path = Sibling(finalPath, "tmp");
        if (Directory.Exists(path))
        {
            throw new IOException($"staging folder '{path}' already exists; remove it and retry");
        }

        Directory.CreateDirectory(path);
        return new StagingFolder(finalPath, path, createdParent);
    }

    /// <summary>
    /// Moves the staging folder to the final path. An existing final folder is renamed away first and deleted
    /// only once the new one is in place; if the swap fails the old folder is put back.
    /// </summary>
    public void Commit()
    {
        if (!Directory.Exists(FinalPath))
        {
            Directory.Move(Path, FinalPath);
            committed = true;
            return;
        }

        string old = Sibling(FinalPath, "old");
        Directory.Move(FinalPath, old);
        try
        {
            Directory.Move(Path, FinalPath);
        }
        catch
        {
            Directory.Move(old, FinalPath);
            throw;
        }

        committed = true;
        try
        {
            Directory.Delete(old, recursive: true);
        }
        catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
        {
            // The new export is in place; the previous one keeps its .old- name rather than failing the job.
        }
    }

    public void Dispose()
    {
        if (committed)
        {
            return;
        }

        try
        {
            Directory.Delete(Path, recursive: true);
            DeleteCreatedParents();
        }
        catch (DirectoryNotFoundException)
        {
            // Already gone.
        }
        catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
        {
            // Runs while another failure propagates, which matters more; a leftover keeps its .tmp- name.
        }
    }

    private static string? OutermostMissing(string folder)
    {
        string? missing = null;
        for (string? current = folder; !string.IsNullOrEmpty(current) && !Directory.Exists(current); current = System.IO.Path.GetDirectoryName(current))
        {
            missing = current;
        }

        return missing;
    }

    /// <summary>Removes the parent folders this export created, innermost first, while they are empty.</summary>
    private void DeleteCreatedParents()
    {
        if (createdParent is null)
        {
            return;
        }

        for (string? folder = System.IO.Path.GetDirectoryName(Path);
             !string.IsNullOrEmpty(folder) && folder!.Length >= createdParent.Length && !Directory.EnumerateFileSystemEntries(folder).Any();
             folder = System.IO.Path.GetDirectoryName(folder))
        {
            Directory.Delete(folder);
        }
    }

    private static string Sibling(string path, string kind)
    {
        byte[] random = new byte[RandomHexLength / 2];
        using (var generator = RandomNumberGenerator.Create())
        {
            generator.GetBytes(random);
        }

        var name = new StringBuilder(path).Append('.').Append(kind).Append('-');
        foreach (byte value in random)
        {
            name.Append(value.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
        }

        return name.ToString();
    }
}
