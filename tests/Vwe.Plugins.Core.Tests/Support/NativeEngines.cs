using Vwe.Engines;
using Vwe.Engines.Processes;

namespace Vwe.Plugins.Core.Tests.Support;

/// <summary><c>vwe engine</c> as the pool runs it (the built vwe.dll, copied next to this assembly): the native output to compare with.</summary>
internal static class NativeEngines
{
    public static async Task<ProcessEngine> StartAsync()
    {
        var engine = new ProcessEngine($"native-{Guid.NewGuid():N}", new ProcessEngineOptions
        {
            Command = EngineCommand.Dll(Path.Combine(AppContext.BaseDirectory, "vwe.dll")),
            Engine = new EngineOptions { Threads = 1, MaxWorlds = 2, WarmUp = false },
        });
        try
        {
            await engine.StartAsync(CancellationToken.None).WaitAsync(Patience.Long);
            return engine;
        }
        catch
        {
            await engine.DisposeAsync();
            throw;
        }
    }
}

/// <summary>Runs an action at the first progress report, synchronously on the reporting thread.</summary>
internal sealed class FirstProgress(Action onFirst) : IProgress<double>
{
    private int reports;

    public void Report(double value)
    {
        if (Interlocked.Increment(ref reports) == 1)
        {
            onFirst();
        }
    }
}
