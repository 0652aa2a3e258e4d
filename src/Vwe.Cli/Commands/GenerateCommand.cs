using System.CommandLine;
using System.Diagnostics;
using Vwe.Engines;
using Vwe.Engines.Jobs;
using Vwe.Maps;
using Vwe.Maps.Export;
using Vwe.Maps.Grid;
using Vwe.Pool;
using Vwe.WorldGen;

namespace Vwe.Cli.Commands;

/// <summary>
/// <c>vwe generate &lt;seed&gt; [--int] [--size N] [--pixel-size P] [--format …] [--layers …] [--threads T] [--out DIR] [--json]</c>:
/// the main job. Generates the world and exports its grid through <see cref="WorldExporter"/> into one folder
/// (docs/generate.md, docs/formats.md).
/// </summary>
internal static class GenerateCommand
{
    private const string Description =
        "Generate the world and write its grid files into one folder: grid.bin (biome and height of every pixel), " +
        "optional layer files, biomes.json/heightmap.json, biomes.png/terrain.png, manifest.json (SHA-256 of every " +
        "file) and run.json. The default grid is the game's minimap: 2048 × 2048 pixels of 12 m. The folder is " +
        "./worlds/<world key>/ (e.g. ./worlds/1706363555-g2-e1-2048x12/) unless --out names it; it is written " +
        "atomically and replaced as a whole. All input is checked before the world is generated. Prints a summary " +
        "on stdout (--json: one JSON document); a progress bar on stderr when it is a terminal. Schema and " +
        "formats: docs/generate.md, docs/formats.md.";

    /// <summary>More sampling threads than this only adds switching; a larger number is a typo.</summary>
    private const int MaxThreads = 256;

    /// <summary>Pre-generation gains nothing from more than two threads (WorldGenerator's thread parameter).</summary>
    private const int MaxPregenerationThreads = 2;

    public static Command Create()
    {
        Argument<string> seed = CommonOptions.Seed();
        Option<bool> intSeed = CommonOptions.IntSeed();
        Option<int> size = CommonOptions.Size();
        Option<string> pixelSize = CommonOptions.PixelSize();
        Option<string> format = CommonOptions.Format();
        Option<string> layers = CommonOptions.Layers();
        Option<int> threads = CommonOptions.Threads();
        var output = new Option<string>("--out")
        {
            Description = $"The export folder itself (not its parent); default ./{OutputFolder.DefaultParent}/<world key>. " +
                "It is replaced as a whole, so it must be new, empty or an earlier export's folder; missing parents are created.",
            HelpName = "DIR",
        };
        var engine = new Option<string>("--engine")
        {
            Description = "Where the world is generated: inprocess (threads in this process, the default) or process (a warm " +
                "engine child process through the engine pool, as vwe batch and vwe serve use it). The files are the same.",
            HelpName = "inprocess|process",
            DefaultValueFactory = _ => "inprocess",
        };
        var json = new Option<bool>("--json")
        {
            Description = "Print the result (world key, folder, files with sizes and SHA-256, timings) as one JSON document instead of the summary.",
        };

        var command = new Command("generate", Description) { seed, intSeed, size, pixelSize, format, layers, threads, engine, output, json };
        command.SetAction((parse, cancellation) =>
        {
            // Everything the user gave is checked here, before the world is generated (a fraction of a second to
            // seconds) and before anything is written.
            (int worldSeed, string? seedText) = SeedInput.Resolve(parse.GetValue(seed)!, parse.GetValue(intSeed));
            GridSpec grid = GridInput.Parse(parse.GetValue(size), parse.GetValue(pixelSize)!);
            (ExportFormats formats, GridLayers gridLayers) = ExportInput.Parse(parse.GetValue(format)!, parse.GetValue(layers), grid);
            int threadCount = parse.GetValue(threads);
            if (threadCount is < 1 or > MaxThreads)
            {
                throw new InputException(
                    $"--threads {threadCount} is outside 1..{MaxThreads}; give a thread count such as the processor count ({Environment.ProcessorCount}, the default).");
            }

            string folder = OutputFolder.Resolve(parse.GetValue(output), WorldKey.For(worldSeed, grid));
            EngineKind kind = EnginePoolSetup.ParseKind(parse.GetValue(engine)!);
            if (kind == EngineKind.Docker)
            {
                throw new InputException("--engine docker: generate runs inprocess or process engines; for containers use vwe batch --engine docker.");
            }

            var plan = new Plan(worldSeed, seedText, grid, formats, gridLayers, threadCount, folder, kind);
            return RunAsync(plan, parse.GetValue(json), parse.InvocationConfiguration, cancellation);
        });
        return command;
    }

    private static async Task<int> RunAsync(Plan plan, bool json, InvocationConfiguration console, CancellationToken cancellation)
    {
        var progress = new GenerateProgress();

        // On a worker: System.CommandLine registers its Ctrl+C handler only once the action has returned its task.
        Task<(ExportResult Result, TimeSpan Pregeneration)> work = plan.Kind == EngineKind.Process
            ? ExportThroughPoolAsync(plan, progress, cancellation)
            : Task.Run(() => Export(plan, progress, cancellation), cancellation);
        if (ProgressDisplay.IsInteractive(console.Error))
        {
            try
            {
                await ProgressDisplay.ShowAsync($"{plan.Grid.Size} × {plan.Grid.Size} pixels", progress, work).ConfigureAwait(false);
            }
            finally
            {
                // Whatever the display did, return only once the export is over (its staging folder deleted on failure).
                await ((Task)work).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        ExportResult result;
        TimeSpan pregeneration;
        try
        {
            (result, pregeneration) = await work.ConfigureAwait(false);
        }
        catch (OperationCanceledException exception) when (cancellation.IsCancellationRequested)
        {
            throw new CancelledException("cancelled; the unfinished export was deleted and the output folder left as it was.", exception);
        }
        catch (ExportWriteException exception)
        {
            throw new IOException(
                $"writing --out '{exception.OutputDirectory}' failed: {exception.Reason}; nothing was left behind. Free some space there or choose another --out.",
                exception);
        }

        if (json)
        {
            GenerateSummary.WriteJson(console.Output, result, plan.Seed, pregeneration, plan.Threads);
        }
        else
        {
            GenerateSummary.WriteText(console.Output, result, plan.Grid, pregeneration, plan.Threads);
        }

        return ExitCodes.Success;
    }

    /// <summary>Pre-generates the world and exports it; returns the result and the pre-generation time.</summary>
    private static (ExportResult, TimeSpan) Export(Plan plan, GenerateProgress progress, CancellationToken cancellation)
    {
        var pregeneration = Stopwatch.StartNew();
        var generator = new WorldGenerator(plan.Seed, threads: Math.Min(plan.Threads, MaxPregenerationThreads));
        cancellation.ThrowIfCancellationRequested();
        progress.MarkWorldReady();
        var request = new ExportRequest
        {
            Generator = generator,
            SeedText = plan.SeedText,
            Grid = plan.Grid,
            Formats = plan.Formats,
            Layers = plan.Layers,
            Threads = plan.Threads,
            OutputDirectory = plan.OutputDirectory,
        };
        return (WorldExporter.Export(request, progress, cancellation), pregeneration.Elapsed);
    }

    /// <summary>
    /// The same export on a pooled engine process: one engine with the given threads, started, used once and
    /// stopped. The pre-generation time is the engine's own load time.
    /// </summary>
    private static async Task<(ExportResult, TimeSpan)> ExportThroughPoolAsync(Plan plan, GenerateProgress progress, CancellationToken cancellation)
    {
        DateTimeOffset started = DateTimeOffset.UtcNow;
        ExportOutcome outcome;
        try
        {
            await using WarmEnginePool pool = EnginePoolSetup.Create(EngineKind.Process, engines: 1, plan.Threads, PoolOptions.DefaultMaxJobsPerEngine, cold: false);
            await pool.StartAsync(cancellation).ConfigureAwait(false);
            var job = new ExportJob(plan.Seed, plan.SeedText, plan.Grid, plan.Formats, plan.Layers, plan.OutputDirectory);
            outcome = await pool.ExportAsync(job, new EngineProgress(progress), cancellation).ConfigureAwait(false);
        }
        finally
        {
            // The engine is reaped now: what a killed one was staging (its job retried on the next) is nobody's any more.
            ExportLeftovers.RemoveStaging(plan.OutputDirectory, started.UtcDateTime);
        }

        var timings = new ExportTimings(started, outcome.ExportTime, TimeSpan.Zero, outcome.ExportTime);
        return (new ExportResult(outcome.WorldKey, outcome.OutputDirectory, outcome.Files, timings), outcome.LoadTime);
    }

    private sealed record Plan(
        int Seed, string? SeedText, GridSpec Grid, ExportFormats Formats, GridLayers Layers, int Threads, string OutputDirectory, EngineKind Kind);

    /// <summary>Engine progress frames: the first one means the world is loaded.</summary>
    private sealed class EngineProgress(GenerateProgress progress) : IProgress<double>
    {
        public void Report(double value)
        {
            progress.MarkWorldReady();
            progress.Report(value);
        }
    }
}
