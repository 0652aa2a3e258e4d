using Vwe.Maps.Grid;
using Vwe.WorldGen;

namespace Vwe.Maps.Export;

/// <summary>Everything one export needs. <see cref="WorldExporter.Export"/> checks it all before writing anything.</summary>
public sealed record ExportRequest
{
    /// <summary>The world, already constructed (pre-generated). Only read: workers use <see cref="WorldGenerator.Fork"/>.</summary>
    public required WorldGenerator Generator { get; init; }

    /// <summary>The seed text the world came from, when known; it must hash to the generator's seed. Recorded in manifest.json only.</summary>
    public string? SeedText { get; init; }

    public required GridSpec Grid { get; init; }

    public ExportFormats Formats { get; init; } = ExportFormats.Bin;

    /// <summary>Optional layers, written as <c>&lt;layer&gt;.bin</c>; they need <see cref="ExportFormats.Bin"/>.</summary>
    public GridLayers Layers { get; init; }

    /// <summary>Sampling threads; the files do not depend on it.</summary>
    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// The folder that will hold the files. It is replaced as a whole when it exists; its parent is created when
    /// missing. The export is built in a sibling folder and renamed into place.
    /// </summary>
    public required string OutputDirectory { get; init; }

    /// <summary>The world key of this export, e.g. <c>1706363555-g2-e1-2048x12</c>.</summary>
    public string WorldKey => Maps.WorldKey.For(Generator.Seed, Grid);

    /// <summary>
    /// Throws when the request cannot be carried out: <see cref="NotSupportedException"/> for a format or layer
    /// the grid or formats do not allow (<see cref="ExportLimits.Check"/>), <see cref="ArgumentException"/> for a
    /// request no caller should build. The output folder is checked by <see cref="WorldExporter.Export"/>
    /// (<see cref="OutputPath.Check"/>), once, right before it is written.
    /// </summary>
    public void Validate()
    {
        ArgumentNullException.ThrowIfNull(Generator);
        ArgumentNullException.ThrowIfNull(Grid);
        ArgumentException.ThrowIfNullOrWhiteSpace(OutputDirectory);
        ArgumentOutOfRangeException.ThrowIfLessThan(Threads, 1);
        if (Generator.WorldGenVersion != WorldGenerator.SupportedWorldGenVersion)
        {
            throw new NotSupportedException(
                $"worldGenVersion {Generator.WorldGenVersion} cannot be exported; world keys and files describe version {WorldGenerator.SupportedWorldGenVersion} worlds only");
        }

        if (SeedText is not null && StableHash.WorldSeed(SeedText) != Generator.Seed)
        {
            throw new ArgumentException(
                $"seed text gives world seed {StableHash.WorldSeed(SeedText)}, but the generator was built for seed {Generator.Seed}; pass the text the generator came from, or none",
                nameof(SeedText));
        }

        CheckFormats();
    }

    private void CheckFormats()
    {
        var allFormats = ExportFormats.Bin | ExportFormats.Json | ExportFormats.Png;
        if (Formats == ExportFormats.None || (Formats & ~allFormats) != 0)
        {
            throw new ArgumentException(
                $"formats '{Formats}' are not a non-empty set of {string.Join(", ", ExportFormatNames.All.Select(entry => entry.Name))}",
                nameof(Formats));
        }

        var allLayers = GridLayers.River | GridLayers.Forest;
        if ((Layers & ~allLayers) != 0)
        {
            throw new ArgumentException($"layers '{Layers}' include an unknown layer", nameof(Layers));
        }

        ExportLimits.Check(Grid, Formats, Layers);
    }
}
