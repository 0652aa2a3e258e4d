using System.CommandLine;
using Vwe.GameFiles;
using Vwe.GameFiles.Minimap;
using Vwe.GameFiles.Verify;
using Vwe.GameFiles.Worlds;
using Vwe.Maps.Grid;

namespace Vwe.Cli.Commands;

/// <summary>
/// <c>vwe verify &lt;world folder&gt; [--threads T] [--differences N] [--json]</c>: compares the game's own minimap cache
/// of a world with the same grid computed by vwe (docs/game-files.md). Exit 0 when every pixel agrees, 5 when any differs.
/// </summary>
internal static class VerifyCommand
{
    private const int MaxThreads = 256;
    private const int MaxDifferences = 10_000;

    private const string Description =
        "Check vwe against the game: reads the minimap cache the game wrote for a world you have loaded " +
        "(cacheMinimapBiome, cacheMinimapHeight, cacheMinimapMeta in worlds_local/NAME/), computes the same 2048 × 2048 " +
        "grid of 12 m for the cache's seed, and compares every pixel: the biome by its map colour (Ocean, Mountain and " +
        "DeepNorth share white) and the height as the binary16 value the game stores. Prints agreement per biome and for " +
        "heights, and the first differing pixels. Exit 0 when everything agrees, 5 when any pixel differs.";

    public static Command Create()
    {
        var folder = new Argument<string>("world folder") { Description = "The world's folder holding the cache, e.g. ~/.config/unity3d/IronGate/Valheim/worlds_local/Midgard." };
        Option<int> threads = CommonOptions.Threads();
        var differences = new Option<int>("--differences")
        {
            Description = $"How many differing pixels to list, 0 to {MaxDifferences}; all are counted.",
            HelpName = "N",
            DefaultValueFactory = _ => MinimapVerifier.DefaultReportedDifferences,
        };
        var json = new Option<bool>("--json") { Description = "Print the report as one JSON object." };
        var command = new Command("verify", Description) { folder, threads, differences, json };
        command.SetAction((parse, cancellation) =>
        {
            int threadCount = parse.GetValue(threads);
            if (threadCount is < 1 or > MaxThreads)
            {
                throw new InputException($"--threads {threadCount} is outside 1..{MaxThreads}; give e.g. {Environment.ProcessorCount} (the default).");
            }

            int listed = parse.GetValue(differences);
            if (listed is < 0 or > MaxDifferences)
            {
                throw new InputException($"--differences {listed} is outside 0..{MaxDifferences}; give e.g. 10.");
            }

            string worldFolder = parse.GetValue(folder)!;
            MinimapCache cache = ReadCache(worldFolder, parse.InvocationConfiguration.Error);
            TextWriter output = parse.InvocationConfiguration.Output;
            bool asJson = parse.GetValue(json);
            return Task.Run(
                () =>
                {
                    VerifyReport report = MinimapVerifier.Verify(cache, threadCount, listed, cancellationToken: cancellation);
                    if (asJson)
                    {
                        output.WriteLine(VerifyReportText.Json(worldFolder, report));
                    }
                    else
                    {
                        VerifyReportText.Write(worldFolder, report, output);
                    }

                    return report.Agrees ? ExitCodes.Success : ExitCodes.Disagreement;
                },
                cancellation);
        });
        return command;
    }

    /// <summary>The cache, checked the way the game checks it before use (cache version, size, and the world header's seed when it is there).</summary>
    private static MinimapCache ReadCache(string worldFolder, TextWriter error)
    {
        MinimapCache cache = MinimapCacheFiles.Read(worldFolder);
        if (cache.Version != MinimapCache.CurrentVersion)
        {
            throw new GameFileException(
                $"'{Path.Combine(worldFolder, MinimapCacheFiles.MetaFileName)}' says cache version {cache.Version}; the game reads only version {MinimapCache.CurrentVersion}. Load the world in the game to rewrite it.");
        }

        if (cache.Size != GridSpec.Minimap.Size)
        {
            throw new GameFileException(
                $"the cache in '{worldFolder}' is {cache.Size} × {cache.Size} pixels; the game's minimap is {GridSpec.Minimap.Size} × {GridSpec.Minimap.Size}. It is not a cache this game version wrote.");
        }

        if (WorldSaveFolder.NewestMetadata(worldFolder) is { } header)
        {
            WorldMetadata world;
            try
            {
                world = WorldMetadataFile.Read(header);
            }
            catch (GameFileException exception)
            {
                // The cache carries its own seed; a damaged header only loses the cross-check.
                error.WriteLine($"vwe: warning: {VweCommand.OneLine(exception.Message)} Verifying the cache against its own seed.");
                return cache;
            }

            if (world.Seed != cache.Seed)
            {
                throw new GameFileException(
                    $"the cache in '{worldFolder}' was made for seed {cache.Seed}, but the world's {Path.GetFileName(header)} holds seed {world.Seed}: the game would discard it. Load the world in the game to rewrite it.");
            }

            if (world.WorldGenVersion != WorldMetadata.CurrentWorldGenVersion)
            {
                throw new GameFileException(
                    $"'{header}' is a worldGenVersion {world.WorldGenVersion} world; vwe computes worldGenVersion {WorldMetadata.CurrentWorldGenVersion} (every world made since the Mistlands update).");
            }
        }

        return cache;
    }
}
