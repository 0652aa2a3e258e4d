using Vwe.Plugins.Core.Grid;

namespace Vwe.Plugins.Core.Export;

/// <summary>One checked export: what to sample and where to write it (built by the server from an export request).</summary>
public sealed class ExportPlan
{
    public ExportPlan(int seed, string? seedText, GridSpec grid, Layers layers, string outputDirectory)
    {
        Seed = seed;
        SeedText = seedText;
        Grid = grid;
        Layers = layers;
        OutputDirectory = outputDirectory;
    }

    public int Seed { get; }

    /// <summary>The seed text the int came from, when known (it hashes to <see cref="Seed"/>); recorded in manifest.json.</summary>
    public string? SeedText { get; }

    public GridSpec Grid { get; }

    public Layers Layers { get; }

    /// <summary>The absolute, normalised folder to create or replace.</summary>
    public string OutputDirectory { get; }

    public string WorldKey => WorldKeys.For(Seed, Grid);
}
