using System.Collections.Concurrent;
using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Vwe.Engines;
using Vwe.Engines.Containers;
using Vwe.Engines.Jobs;
using Vwe.Maps.Export;
using Vwe.Maps.Grid;
using Vwe.Pool;

namespace Vwe.Cli.Commands;

/// <summary>
/// <c>vwe batch &lt;seeds-file&gt; --out DIR [--engine process|docker|inprocess] [--engines N] [--cold] [--size N]
/// [--pixel-size P] [--format …] [--layers …]</c>: many worlds through the warm engine pool, each written to
/// <c>DIR/&lt;seed int&gt;/</c> exactly as <c>vwe generate</c> writes it (docs/batch.md).
/// </summary>
internal static class BatchCommand
{
    private const int MaxEngines = 64;
    private const int MaxJobsPerEngine = 1_000_000;

    public static Command Create()
    {
        var seedsFile = new Argument<string>("seeds-file")
        {
            Description = "A UTF-8 text file with one seed per line, taken verbatim; blank lines and lines starting with # are skipped; " +
                "int:N is an int seed; text:… is a text that would otherwise be skipped or read as a prefix (text: alone is the empty seed).",
        };
        var engine = new Option<string>("--engine")
        {
            Description = $"Engine kind: {EnginePoolSetup.KindHelp}",
            HelpName = EnginePoolSetup.KindNames,
            DefaultValueFactory = _ => "process",
        };
        var docker = new DockerInput();
        var engines = new Option<int>("--engines")
        {
            Description = $"Engines in the pool, 1 to {MaxEngines}; the cores are shared between them.",
            HelpName = "N",
            DefaultValueFactory = _ => 3,
        };
        var jobsPerEngine = new Option<int>("--jobs-per-engine")
        {
            Description = $"Worlds an engine does before it is replaced by a fresh one, 1 to {MaxJobsPerEngine}.",
            HelpName = "N",
            DefaultValueFactory = _ => PoolOptions.DefaultMaxJobsPerEngine,
        };
        var cold = new Option<bool>("--cold")
        {
            Description = "Start a fresh engine for every world and keep none ready: the baseline the warm pool is measured against.",
        };
        Option<int> size = CommonOptions.Size();
        Option<string> pixelSize = CommonOptions.PixelSize();
        Option<string> format = CommonOptions.Format();
        Option<string> layers = CommonOptions.Layers();
        var output = new Option<string>("--out")
        {
            Description = "The folder that receives one folder per world, named by its int seed; created when missing.",
            HelpName = "DIR",
            Required = true,
        };

        var command = new Command("batch", "Generate many worlds through the warm engine pool: one folder per world under --out, as vwe generate writes it. " +
            "Engines that crash or hang are replaced and their worlds retried. Prints a summary; exit 0 only if every world succeeded. See docs/batch.md.")
        {
            seedsFile, engine, engines, jobsPerEngine, cold, size, pixelSize, format, layers, output,
        };
        foreach (Option option in docker.Options)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellation) =>
        {
            IReadOnlyList<BatchSeed> seeds = SeedsFile.Read(parse.GetValue(seedsFile)!);
            GridSpec grid = GridInput.Parse(parse.GetValue(size), parse.GetValue(pixelSize)!);
            (ExportFormats formats, GridLayers gridLayers) = ExportInput.Parse(parse.GetValue(format)!, parse.GetValue(layers), grid);
            int engineCount = parse.GetValue(engines);
            if (engineCount is < 1 or > MaxEngines)
            {
                throw new InputException($"--engines {engineCount} is outside 1..{MaxEngines}.");
            }

            int recycleAfter = parse.GetValue(jobsPerEngine);
            if (recycleAfter is < 1 or > MaxJobsPerEngine)
            {
                throw new InputException($"--jobs-per-engine {recycleAfter} is outside 1..{MaxJobsPerEngine}.");
            }

            string parent = parse.GetValue(output)!;
            var worlds = seeds.Select(seed => new BatchWorld(seed, WorldFolder(parent, seed.Seed))).ToList();
            EngineKind kind = EnginePoolSetup.ParseKind(parse.GetValue(engine)!);

            // The containers see the output folder at the same path: it holds every world folder and their staging siblings.
            DockerEngineOptions? containers = kind == EngineKind.Docker ? docker.Parse(parse, parent) : null;
            var plan = new BatchPlan(worlds, grid, formats, gridLayers, kind, engineCount, recycleAfter, parse.GetValue(cold), containers);
            return RunAsync(plan, parse.InvocationConfiguration, cancellation);
        });
        return command;
    }

    /// <summary><c>DIR/&lt;seed int&gt;</c>, checked as <c>vwe generate --out</c> checks its folder.</summary>
    private static string WorldFolder(string parent, int seed)
    {
        string name = seed.ToString(CultureInfo.InvariantCulture);
        return OutputFolder.Resolve(Path.Combine(parent, name), name);
    }

    private static async Task<int> RunAsync(BatchPlan plan, InvocationConfiguration console, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        DateTime started = DateTime.UtcNow;
        var results = new ConcurrentBag<BatchResult>();
        var progress = new BatchProgress(plan.Worlds.Count, console.Error);
        TimeSpan elapsed;
        WarmEnginePool pool = EnginePoolSetup.Create(plan.Kind, plan.Engines, threads: null, plan.JobsPerEngine, plan.Cold, plan.Docker);
        try
        {
            await using (pool.ConfigureAwait(false))
            {
                pool.Metrics.Event += progress.Note;
                await pool.StartAsync(cancellation).ConfigureAwait(false);

                await Parallel.ForEachAsync(
                    plan.Worlds,
                    new ParallelOptions { MaxDegreeOfParallelism = pool.Options.MaxConcurrentJobs, CancellationToken = cancellation },
                    async (world, token) =>
                    {
                        BatchResult result = await ExportAsync(pool, plan, world, token).ConfigureAwait(false);
                        results.Add(result);
                        progress.Done(result);
                    }).ConfigureAwait(false);
                elapsed = clock.Elapsed;
            }
        }
        finally
        {
            // Every engine is reaped now: what a killed one was staging is nobody's any more.
            foreach (BatchWorld world in plan.Worlds)
            {
                ExportLeftovers.RemoveStaging(world.Folder, started);
            }
        }

        // After the pool is closed: the last engines are reset, retired and counted by then.
        var summary = new BatchSummary([.. results.OrderBy(result => result.World.Seed.Line)], elapsed, pool.Metrics, plan);
        summary.Write(console.Output);
        return summary.Failed == 0 ? ExitCodes.Success : ExitCodes.Failure;
    }

    private static async Task<BatchResult> ExportAsync(WarmEnginePool pool, BatchPlan plan, BatchWorld world, CancellationToken cancellation)
    {
        var clock = Stopwatch.StartNew();
        var job = new ExportJob(world.Seed.Seed, world.Seed.Text, plan.Grid, plan.Formats, plan.Layers, world.Folder);
        try
        {
            ExportOutcome outcome = await pool.ExportAsync(job, progress: null, cancellation).ConfigureAwait(false);
            return new BatchResult(world, clock.Elapsed, outcome, null);
        }
        catch (Exception exception) when (exception is EngineJobException or EngineFailedException or PoolTimeoutException or EnginesCannotStartException)
        {
            return new BatchResult(world, clock.Elapsed, null, VweCommand.OneLine(exception.Message));
        }
    }
}

internal sealed record BatchWorld(BatchSeed Seed, string Folder);

internal sealed record BatchPlan(
    IReadOnlyList<BatchWorld> Worlds, GridSpec Grid, ExportFormats Formats, GridLayers Layers, EngineKind Kind, int Engines, int JobsPerEngine, bool Cold,
    DockerEngineOptions? Docker = null);

internal sealed record BatchResult(BatchWorld World, TimeSpan Latency, ExportOutcome? Outcome, string? Error);
