using System.Security.Cryptography;

namespace Vwe.Maps.Export;

/// <summary>
/// A temporary sibling folder (<c>&lt;out&gt;.tmp-&lt;random&gt;</c>) an export is written into, then renamed to the
/// final folder in one step. Until <see cref="Commit"/> succeeds, disposing deletes it, so a failed or cancelled
/// export leaves nothing half-written. Being a sibling keeps the rename on one filesystem, where it is atomic.
/// </summary>
internal sealed class StagingDirectory : IDisposable
{
    /// <summary>
    /// Bytes the staging and old-folder siblings add to the output folder's name: <c>.tmp-</c> or <c>.old-</c> and
    /// <see cref="RandomHexLength"/> hex digits.
    /// </summary>
    public const int SiblingSuffixLength = 5 + RandomHexLength;

    private const int RandomHexLength = 12;

    private static readonly System.Buffers.SearchValues<char> LowerHexDigits = System.Buffers.SearchValues.Create("0123456789abcdef");

    private bool committed;

    /// <summary>The outermost parent folder this export created, removed again (when empty) if it fails.</summary>
    private readonly string? createdParent;

    private StagingDirectory(string finalPath, string path, string? createdParent)
    {
        FinalPath = finalPath;
        Path = path;
        this.createdParent = createdParent;
    }

    public string FinalPath { get; }

    public string Path { get; }

    /// <summary>Creates the staging folder beside <paramref name="finalPath"/> (an absolute, checked path), and the parent when missing.</summary>
    public static StagingDirectory Create(string finalPath)
    {
        string parent = System.IO.Path.GetDirectoryName(finalPath)
            ?? throw new IOException($"output folder '{finalPath}' has no parent folder");
        string? createdParent = OutermostMissing(parent);
        Directory.CreateDirectory(parent);
        string path = Sibling(finalPath, "tmp");

        // CreateDirectory succeeds on an existing folder; a fresh random suffix makes a clash with another run
        // (or a leftover of a crashed one) practically impossible, and a leftover is never written into.
        if (Directory.Exists(path))
        {
            throw new IOException($"staging folder '{path}' already exists; remove it and retry");
        }

        Directory.CreateDirectory(path);
        return new StagingDirectory(finalPath, path, createdParent);
    }

    /// <summary>
    /// Moves the staging folder to the final path. An existing final folder is first renamed away, and
    /// deleted only once the new one is in place; if the swap fails the old folder is put back.
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
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The new export is in place; the previous one keeps its .old- name rather than failing the run.
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
            // Already gone: nothing to clean.
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Runs while another failure is propagating, which matters more; a leftover keeps its .tmp- name.
        }
    }

    /// <summary>The outermost folder of <paramref name="folder"/>'s chain that does not exist yet, or null.</summary>
    private static string? OutermostMissing(string folder)
    {
        string? missing = null;
        for (string? current = folder; current is not null && !Directory.Exists(current); current = System.IO.Path.GetDirectoryName(current))
        {
            missing = current;
        }

        return missing;
    }

    /// <summary>Removes the parent folders this export created, innermost first, as long as they are empty.</summary>
    private void DeleteCreatedParents()
    {
        if (createdParent is null)
        {
            return;
        }

        for (string? folder = System.IO.Path.GetDirectoryName(Path);
             folder is not null && folder.Length >= createdParent.Length && !Directory.EnumerateFileSystemEntries(folder).Any();
             folder = System.IO.Path.GetDirectoryName(folder))
        {
            Directory.Delete(folder);
        }
    }

    /// <summary>Whether <paramref name="candidate"/> is named as a staging folder of <paramref name="finalPath"/> is.</summary>
    public static bool IsStagingOf(string finalPath, string candidate)
    {
        string prefix = System.IO.Path.GetFileName(finalPath) + ".tmp-";
        string name = System.IO.Path.GetFileName(candidate);
        return name.Length == prefix.Length + RandomHexLength
            && name.StartsWith(prefix, StringComparison.Ordinal)
            && !name.AsSpan(prefix.Length).ContainsAnyExcept(LowerHexDigits);
    }

    /// <summary><paramref name="kind"/> has three letters, as <see cref="SiblingSuffixLength"/> counts.</summary>
    private static string Sibling(string path, string kind) =>
        $"{path}.{kind}-{RandomNumberGenerator.GetHexString(RandomHexLength, lowercase: true)}";
}
