using Vwe.Engines;
using Vwe.Engines.InProcess;
using Vwe.Engines.Processes;
using Vwe.Pool;

namespace Vwe.Cli;

/// <summary>
/// The pools the commands run on: <c>process</c> engines (children running this same <c>vwe</c> as
/// <c>vwe engine</c>) or <c>inprocess</c> ones, sized so engines × threads fit the cores; <c>cold</c> starts a
/// fresh engine for every world and keeps none ready (the baseline a warm pool is measured against).
/// </summary>
internal static class EnginePoolSetup
{
    public const string KindHelp = "process (isolated child processes, the default) or inprocess (threads in this process).";

    public static EngineKind ParseKind(string text)
    {
        try
        {
            return EngineKindNames.Parse(text);
        }
        catch (FormatException exception)
        {
            throw new InputException($"--engine: {exception.Message}.");
        }
    }

    /// <summary>
    /// A pool of <paramref name="engines"/> engines; <paramref name="threads"/> per engine, or the cores shared out; each
    /// engine replaced after <paramref name="jobsPerEngine"/> jobs.
    /// </summary>
    public static WarmEnginePool Create(EngineKind kind, int engines, int? threads, int jobsPerEngine, bool cold)
    {
        (int threadsPerEngine, int concurrent) = PoolSizing.For(engines, Environment.ProcessorCount, threads);
        var engineOptions = new EngineOptions { Threads = threadsPerEngine };
        var options = new PoolOptions
        {
            MinReady = cold ? 0 : engines,
            MaxEngines = engines,
            MaxConcurrentJobs = concurrent,
            MaxJobsPerEngine = jobsPerEngine,
            AcquireTimeout = TimeSpan.FromMinutes(10),
        };
        Func<int, Engine> create = kind switch
        {
            EngineKind.InProcess => serial => new InProcessEngine($"inprocess-{serial}", engineOptions),
            _ => serial => new ProcessEngine(
                $"process-{serial}", new ProcessEngineOptions { Command = Engines.Processes.EngineCommand.ForAssembly(typeof(EnginePoolSetup).Assembly.Location), Engine = engineOptions }),
        };
        return new WarmEnginePool(options, create);
    }
}
