namespace Vwe.Maps.Export;

/// <summary>
/// Writing an export failed after it started (e.g. the disk filled up); the unfinished files were deleted and an
/// existing output folder left as it was. <see cref="Reason"/> is the system's reason, with the temporary
/// folder's name taken out: that folder no longer exists and is no concern of the reader.
/// </summary>
public sealed class ExportWriteException : IOException
{
    public ExportWriteException(string outputDirectory, string reason, Exception inner)
        : base($"writing the export into '{outputDirectory}' failed: {reason}; nothing was left behind. Free some space or choose another output folder.", inner)
    {
        OutputDirectory = outputDirectory;
        Reason = reason;
    }

    public ExportWriteException()
        : this("", "", new IOException())
    {
    }

    public ExportWriteException(string message)
        : base(message)
    {
        OutputDirectory = "";
        Reason = message;
    }

    public ExportWriteException(string message, Exception inner)
        : base(message, inner)
    {
        OutputDirectory = "";
        Reason = message;
    }

    /// <summary>The absolute output folder the export was meant for.</summary>
    public string OutputDirectory { get; }

    /// <summary>Why it failed, in one line, e.g. <c>No space left on device : 'biomes.png'</c>.</summary>
    public string Reason { get; }

    /// <summary>The reason of <paramref name="exception"/>, naming files by their name in the export rather than in <paramref name="stagingPath"/>.</summary>
    internal static string ReasonOf(Exception exception, string stagingPath) =>
        exception.Message
            .Replace(stagingPath + Path.DirectorySeparatorChar, "", StringComparison.Ordinal)
            .Replace(stagingPath, "the temporary folder", StringComparison.Ordinal)
            .ReplaceLineEndings(" ")
            .Trim()
            .TrimEnd('.');
}
