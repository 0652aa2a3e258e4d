using System.IO.Compression;
using Vwe.Maps.Export.Png;
using Vwe.Maps.Grid;

namespace Vwe.Maps.Export;

/// <summary>The sinks of one export, each creating its own file in the staging folder; disposes them all.</summary>
internal sealed class ExportSinks : IDisposable
{
    /// <summary>
    /// Measured on 2048² (docs/formats.md, "PNG encoding"): Optimal costs about 90 ms more CPU than Fastest, all on the
    /// writer thread beside sampling, and makes terrain.png a quarter and biomes.png half smaller.
    /// </summary>
    public const CompressionLevel PngCompression = CompressionLevel.Optimal;

    private readonly List<(IGridSink Sink, string Name)> sinks = [];

    private ExportSinks()
    {
    }

    public IReadOnlyList<IGridSink> All => [.. sinks.Select(entry => entry.Sink)];

    /// <summary>The data file names, in the order the sinks were made.</summary>
    public IReadOnlyList<string> FileNames => [.. sinks.Select(entry => entry.Name)];

    public static ExportSinks Create(ExportRequest request, string folder, CancellationToken cancellationToken)
    {
        var result = new ExportSinks();
        try
        {
            GridSpec grid = request.Grid;
            if (request.Formats.HasFlag(ExportFormats.Bin))
            {
                result.Add(ExportFileNames.Grid, folder, path => new GridBinSink(path, grid));
                foreach (GridLayers layer in GridLayerNames.Each(request.Layers))
                {
                    result.Add(ExportFileNames.Layer(layer), folder, path => new LayerBinSink(path, grid, layer));
                }
            }

            if (request.Formats.HasFlag(ExportFormats.Json))
            {
                string key = request.WorldKey;
                int seed = request.Generator.Seed;
                result.Add(ExportFileNames.BiomesJson, folder, path => new BiomesJsonSink(path, key, seed, grid, cancellationToken));
                result.Add(ExportFileNames.HeightmapJson, folder, path => new HeightmapJsonSink(path, key, seed, grid, cancellationToken));
            }

            if (request.Formats.HasFlag(ExportFormats.Png))
            {
                result.Add(ExportFileNames.BiomesPng, folder, path => new BiomesPngSink(path, grid, PngCompression));
                result.Add(ExportFileNames.TerrainPng, folder, path => new TerrainPngSink(path, grid, PngCompression));
            }

            return result;
        }
        catch
        {
            result.Dispose();
            throw;
        }
    }

    /// <summary>The SHA-256 of the decoded pixels of a picture file, null for other files.</summary>
    public string? PixelsSha256(string name) =>
        sinks.FirstOrDefault(entry => entry.Name == name).Sink is PngGridSink png ? png.PixelsSha256 : null;

    public void Dispose()
    {
        foreach ((IGridSink sink, _) in sinks)
        {
            sink.Dispose();
        }
    }

    private void Add(string name, string folder, Func<string, IGridSink> create) =>
        sinks.Add((create(Path.Combine(folder, name)), name));
}
