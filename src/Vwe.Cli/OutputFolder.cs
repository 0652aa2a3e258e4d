using System.Security.Cryptography;
using Vwe.Maps.Export;
using Vwe.Maps.Grid;

namespace Vwe.Cli;

/// <summary>
/// Where <c>vwe generate</c> writes: <c>--out DIR</c> is the export folder itself, by default
/// <c>./worlds/&lt;world key&gt;/</c> under the current directory. The exporter replaces that folder as a whole,
/// so it must be new, empty or an earlier export; everything here is checked before the world is generated.
/// </summary>
internal static class OutputFolder
{
    public const string DefaultParent = "worlds";

    /// <summary>The absolute export folder, checked: it can be created and written, and replacing it loses nothing but an export.</summary>
    public static string Resolve(string? outOption, string worldKey)
    {
        string given = outOption ?? Path.Combine(DefaultParent, worldKey);
        if (string.IsNullOrWhiteSpace(given))
        {
            throw new InputException("--out is empty; give the folder to write the export into, e.g. --out worlds/mine.");
        }

        // IOException (exit 3) when the path is a file or lies under one.
        string full;
        try
        {
            full = OutputPath.Check(given);
        }
        catch (ArgumentException exception)
        {
            // A name too long for the staging sibling, or a symbolic link: the path given is the problem.
            throw new InputException($"--out: {exception.Message}");
        }

        CheckReplaceable(given, full);

        ProbeWritable(given, full);
        return full;
    }

    /// <summary>
    /// An existing folder is deleted once the new export is in place: refuse one holding anything but an
    /// export's files, so that e.g. <c>--out .</c> or <c>--out ~</c> cannot wipe a folder of other things.
    /// </summary>
    private static void CheckReplaceable(string given, string full)
    {
        if (OutputPath.ForeignEntry(full) is { } name)
        {
            throw new InputException(
                $"--out '{given}' is an existing folder that holds '{name}', which no export writes; vwe replaces the output folder as a whole. " +
                "Give a new or empty folder, or the folder of an earlier export.");
        }
    }

    /// <summary>
    /// Creates and removes an empty folder where the exporter will create its first one (the parent of the export
    /// folder, or the nearest existing ancestor when folders are missing): permission bits, read-only mounts and
    /// pseudo file systems all show up here, before the world is generated rather than after.
    /// </summary>
    private static void ProbeWritable(string given, string full)
    {
        string? existing = Path.GetDirectoryName(full);
        while (existing is not null && !Directory.Exists(existing))
        {
            existing = Path.GetDirectoryName(existing);
        }

        if (existing is null)
        {
            throw new IOException($"cannot write --out '{given}': no folder on its path exists; give a folder on an existing drive.");
        }

        string probe = Path.Combine(existing, $".vwe-probe-{RandomNumberGenerator.GetHexString(12, lowercase: true)}");
        try
        {
            Directory.CreateDirectory(probe);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new IOException(
                $"cannot write --out '{given}': creating a folder in '{existing}' failed ({VweCommand.OneLine(exception.Message)}); give a folder you can write to.",
                exception);
        }

        try
        {
            Directory.Delete(probe);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // The probe was created, so the folder is writable; an empty leftover does no harm.
        }
    }
}
