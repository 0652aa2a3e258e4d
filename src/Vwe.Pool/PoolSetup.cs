using Vwe.Engines;
using Vwe.Engines.Containers;
using Vwe.Engines.InProcess;
using Vwe.Engines.Processes;

namespace Vwe.Pool;

/// <summary>
/// The pools <c>vwe</c> runs on (the CLI commands and <c>vwe serve</c>): <c>process</c> engines (children
/// running <c>vwe engine</c>), <c>docker</c> ones (containers of the engine image) or <c>inprocess</c> ones, sized so
/// engines × threads fit the cores; <c>cold</c> starts a fresh engine for every job and keeps none ready (the
/// baseline a warm pool is measured against).
/// </summary>
public static class PoolSetup
{
    /// <summary>
    /// A pool of <paramref name="engines"/> engines; <paramref name="threads"/> per engine, or the cores shared out;
    /// each engine replaced after <paramref name="jobsPerEngine"/> exports. <paramref name="engineCommand"/> starts
    /// <c>vwe engine</c> for process engines; <paramref name="docker"/> configures docker engines (its thread count is
    /// replaced by the pool's sizing).
    /// </summary>
    public static WarmEnginePool Create(
        EngineKind kind, int engines, int? threads, int jobsPerEngine, bool cold, EngineCommand? engineCommand, TimeSpan acquireTimeout,
        DockerEngineOptions? docker = null)
    {
        (int threadsPerEngine, int concurrent) = PoolSizing.For(engines, Environment.ProcessorCount, threads);
        var engineOptions = new EngineOptions { Threads = threadsPerEngine };
        var options = new PoolOptions
        {
            MinReady = cold ? 0 : engines,
            MaxEngines = engines,
            MaxConcurrentJobs = concurrent,
            MaxJobsPerEngine = cold ? 1 : jobsPerEngine,
            AcquireTimeout = acquireTimeout,
        };
        if (kind == EngineKind.Docker)
        {
            var factory = new DockerEngineFactory((docker ?? new DockerEngineOptions()) with { Engine = engineOptions });
            return new WarmEnginePool(options, factory);
        }

        Func<int, Engine> create = kind switch
        {
            EngineKind.InProcess => serial => new InProcessEngine($"inprocess-{serial}", engineOptions),
            _ => serial => new ProcessEngine(
                $"process-{serial}",
                new ProcessEngineOptions
                {
                    Command = engineCommand ?? throw new ArgumentException("process engines need the command that starts `vwe engine`", nameof(engineCommand)),
                    Engine = engineOptions,
                }),
        };
        return new WarmEnginePool(options, create);
    }
}
