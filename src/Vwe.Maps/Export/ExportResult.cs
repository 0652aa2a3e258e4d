namespace Vwe.Maps.Export;

/// <summary>What an export wrote: the world key, the final folder, each file and how long it took.</summary>
public sealed record ExportResult(
    string WorldKey, string OutputDirectory, IReadOnlyList<ExportedFile> Files, ExportTimings Timings);

/// <summary>
/// One file of an export: its fixed name, size and lower-case hex SHA-256. For PNG files
/// <see cref="PixelsSha256"/> is the SHA-256 of the decoded RGB rows (top first), which stays the same where
/// another zlib build would compress the same pixels into different bytes.
/// </summary>
public sealed record ExportedFile(string Name, long Bytes, string Sha256, string? PixelsSha256 = null);

/// <summary>Wall-clock phases of an export, with its UTC start.</summary>
public sealed record ExportTimings(DateTimeOffset StartedUtc, TimeSpan SampleAndWrite, TimeSpan Hashing, TimeSpan Total);
