using Vwe.Engines;
using Vwe.Engines.Containers;
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
    public const string KindHelp = "process (isolated child processes, the default), docker (containers of the vwe-engine image, docs/containers.md) or inprocess (threads in this process).";

    public const string KindNames = "process|docker|inprocess";

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
    /// engine replaced after <paramref name="jobsPerEngine"/> exports.
    /// </summary>
    public static WarmEnginePool Create(EngineKind kind, int engines, int? threads, int jobsPerEngine, bool cold, DockerEngineOptions? docker = null) =>
        PoolSetup.Create(kind, engines, threads, jobsPerEngine, cold, VweEngineCommand, TimeSpan.FromMinutes(10), docker);

    /// <summary>This same <c>vwe</c>, run as <c>vwe engine</c>.</summary>
    public static EngineCommand VweEngineCommand => EngineCommand.ForAssembly(typeof(EnginePoolSetup).Assembly.Location);
}
