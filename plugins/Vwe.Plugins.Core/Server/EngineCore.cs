using System;
using System.Diagnostics;
using System.Threading;
using Vwe.Plugins.Core.Worlds;

namespace Vwe.Plugins.Core.Server;

/// <summary>
/// What outlives a connection (E29): the loaded worlds, the factory that makes new ones, the jobs counted since
/// start, and the clock of <c>uptimeMs</c>.
/// </summary>
internal sealed class EngineCore
{
    private readonly Stopwatch sinceStart = Stopwatch.StartNew();
    private readonly DateTime? processStartUtc = ProcessStartUtc();
    private long jobsDone;

    public EngineCore(IWorldFactory factory, EngineServerOptions options)
    {
        Factory = factory;
        Options = options;
        Worlds = new LoadedWorlds(options.MaxWorlds);
    }

    public IWorldFactory Factory { get; }

    public EngineServerOptions Options { get; }

    public LoadedWorlds Worlds { get; }

    public long JobsDone => Interlocked.Read(ref jobsDone);

    public long JobDone() => Interlocked.Increment(ref jobsDone);

    /// <summary>Milliseconds since the process started (the game's, for a plugin); since the server started where the platform hides it.</summary>
    public double UptimeMs => processStartUtc is { } start
        ? (DateTime.UtcNow - start).TotalMilliseconds
        : sinceStart.Elapsed.TotalMilliseconds;

    private static DateTime? ProcessStartUtc()
    {
        try
        {
            using var process = Process.GetCurrentProcess();
            return process.StartTime.ToUniversalTime();
        }
        catch (Exception exception) when (exception is InvalidOperationException || exception is NotSupportedException || exception is System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
