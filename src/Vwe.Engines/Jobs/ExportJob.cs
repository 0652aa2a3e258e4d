using Vwe.Maps.Export;
using Vwe.Maps.Grid;

namespace Vwe.Engines.Jobs;

/// <summary>
/// One world's export: the files of <c>vwe generate</c> for <paramref name="Seed"/> on <paramref name="Grid"/>, written
/// atomically into <paramref name="OutputDirectory"/> (absolute; replaced as a whole). <paramref name="SeedText"/>,
/// when known, goes into manifest.json, so an export of a text seed matches <c>vwe generate</c> byte for byte.
/// <paramref name="Deadline"/> bounds the work, load included; null for none.
/// </summary>
public sealed record ExportJob(
    int Seed,
    string? SeedText,
    GridSpec Grid,
    ExportFormats Formats,
    GridLayers Layers,
    string OutputDirectory,
    TimeSpan? Deadline = null);
