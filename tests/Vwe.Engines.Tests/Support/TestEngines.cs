using Vwe.Engines.InProcess;
using Vwe.Engines.Processes;
using Vwe.Engines.Remote;

namespace Vwe.Engines.Tests.Support;

/// <summary>
/// Real engines of either kind for the contract tests: an <see cref="InProcessEngine"/>, or a
/// <see cref="ProcessEngine"/> running the built <c>vwe.dll</c> (copied next to this assembly) as <c>vwe engine</c>.
/// Small and quick by default: one thread, no warm-up.
/// </summary>
internal static class TestEngines
{
    public const string InProcess = "inprocess";

    public const string Process = "process";

    /// <summary>How long a test waits for anything an engine should do in about a second.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    public static string VweDll { get; } = Path.Combine(AppContext.BaseDirectory, "vwe.dll");

    public static EngineOptions Quick { get; } = new() { Threads = 1, MaxWorlds = 3, WarmUp = false };

    public static Engine Create(string kind, EngineOptions? options = null, RemoteEngineOptions? remote = null, IReadOnlyList<string>? faults = null)
    {
        string id = $"test-{kind}-{Guid.NewGuid():N}";
        return EngineKindNames.Parse(kind) switch
        {
            EngineKind.InProcess => new InProcessEngine(id, options ?? Quick),
            _ => new ProcessEngine(id, ProcessOptions(options, remote), faults),
        };
    }

    public static ProcessEngineOptions ProcessOptions(EngineOptions? options = null, RemoteEngineOptions? remote = null) => new()
    {
        Command = EngineCommand.Dll(VweDll),
        Engine = options ?? Quick,
        Remote = remote ?? new RemoteEngineOptions(),
    };

    /// <summary>A started engine of <paramref name="kind"/>, Ready.</summary>
    public static Task<Engine> StartAsync(string kind, EngineOptions? options = null, RemoteEngineOptions? remote = null) =>
        StartedAsync(Create(kind, options, remote));

    /// <summary>A started process engine told to commit <paramref name="faults"/>.</summary>
    public static Task<ProcessEngine> StartProcessAsync(IReadOnlyList<string> faults, RemoteEngineOptions? remote = null) =>
        StartedAsync(new ProcessEngine($"test-fault-{Guid.NewGuid():N}", ProcessOptions(remote: remote), faults));

    /// <summary><paramref name="engine"/> once Ready; disposed if its start fails.</summary>
    private static async Task<T> StartedAsync<T>(T engine)
        where T : Engine
    {
        try
        {
            await engine.StartAsync(CancellationToken.None).WaitAsync(Patience);
        }
        catch
        {
            await engine.DisposeAsync();
            throw;
        }

        return engine;
    }
}
