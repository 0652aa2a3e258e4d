using Vwe.Maps;
using Vwe.Maps.Export;
using Vwe.Maps.Grid;

namespace Vwe.Service.Jobs;

/// <summary>
/// One validated world request: the world (its int seed), the grid, and what to write. <see cref="SeedText"/> is
/// kept for the record only; the cache and the files depend on the world key alone.
/// </summary>
public sealed record WorldSpec(int Seed, string? SeedText, GridSpec Grid, ExportFormats Formats, GridLayers Layers)
{
    public string WorldKey => Maps.WorldKey.For(Seed, Grid);

    /// <summary>Whether <paramref name="formats"/> and <paramref name="layers"/> hold everything this request asks for.</summary>
    public bool IsCoveredBy(ExportFormats formats, GridLayers layers) =>
        (Formats & ~formats) == ExportFormats.None && (Layers & ~layers) == GridLayers.None;
}
