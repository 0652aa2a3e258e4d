using Vwe.Maps.Export;

namespace Vwe.Engines.Jobs;

/// <summary>
/// What an export wrote, as the engine reports it: the world key, the final folder, each file with its SHA-256,
/// and the engine's own time spent loading the world (zero when it was already loaded) and exporting.
/// </summary>
public sealed record ExportOutcome(
    string WorldKey, string OutputDirectory, IReadOnlyList<ExportedFile> Files, TimeSpan LoadTime, TimeSpan ExportTime);
