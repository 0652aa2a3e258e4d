using System.Text.Json;
using Vwe.Maps.Grid;

namespace Vwe.Service.Tests.Support;

/// <summary>
/// A world of tests/golden/grids/index.json: the seed text, the grid it was recorded at and the SHA-256 its
/// grid.bin must have. The world key is the one the code computes (<see cref="Vwe.Maps.WorldKey"/>).
/// </summary>
internal sealed record GoldenWorld(string SeedText, int Seed, int Size, int PixelSize, string GridSha256)
{
    /// <summary>The reference world at the quickest golden grid (512² of 48 m).</summary>
    public static GoldenWorld Reference { get; } = Named("hnLycKKCMI-512.bin.gz");

    /// <summary>The reference world at the game's minimap grid (2048² of 12 m): long enough to be caught mid-job.</summary>
    public static GoldenWorld ReferenceMinimap { get; } = Named("hnLycKKCMI-2048.bin.gz");

    /// <summary>Other golden worlds at 512² of 48 m, for tests needing several distinct worlds.</summary>
    public static GoldenWorld Second { get; } = Named("MWd8eV6svz-512.bin.gz");

    public static GoldenWorld Third { get; } = Named("hnBd9gJf2G-512.bin.gz");

    public static GoldenWorld Fourth { get; } = Named("HHcLC5acQt-512.bin.gz");

    public string WorldKey => Vwe.Maps.WorldKey.For(Seed, new GridSpec(Size, PixelSize));

    /// <summary>The POST /api/v1/worlds body for this world at its golden grid, grid.bin only.</summary>
    public object Request => new { seed = SeedText, size = Size, pixelSize = PixelSize };

    public static GoldenWorld Named(string file)
    {
        using JsonDocument index = GoldenData.ReadDocument("grids/index.json");
        JsonElement grid = index.RootElement.GetProperty("grids").EnumerateArray()
            .Single(entry => entry.GetProperty("file").GetString() == file);
        return new GoldenWorld(
            grid.GetProperty("seedText").GetString()!,
            grid.GetProperty("seed").GetInt32(),
            grid.GetProperty("N").GetInt32(),
            grid.GetProperty("pixelSize").GetInt32(),
            grid.GetProperty("sha256OfUncompressedPayload").GetString()!);
    }
}
