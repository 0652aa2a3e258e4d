namespace Vwe.Protocol;

/// <summary>One file an export wrote: its name inside the output folder, size and lower-case hex SHA-256.</summary>
public sealed class FileEntry
{
    /// <summary>The file's fixed name, e.g. <c>grid.bin</c> (docs/formats.md).</summary>
    public string Name { get; set; } = "";

    public long Bytes { get; set; }

    public string Sha256 { get; set; } = "";

    /// <summary>For PNG files: the SHA-256 of the decoded pixels, which another zlib build does not change.</summary>
    public string? PixelsSha256 { get; set; }
}
