using System.Diagnostics;
using System.Globalization;

namespace Vwe.Engines.Containers;

/// <summary>
/// The labels that mark a container as one of our engines, and whose it is. <c>vwe.owner</c> names the process
/// that created it (host name, pid, start time): a container whose owner on this host is gone is a leftover of a
/// killed pool, and the next pool removes it; containers of live pools, even on the same daemon, are left alone.
/// </summary>
public static class ContainerLabels
{
    /// <summary>Present (value 1) on every engine container; the filter for <c>docker ps</c>.</summary>
    public const string Engine = "vwe.engine";

    /// <summary>The id of the pool that created the container.</summary>
    public const string Pool = "vwe.pool";

    /// <summary><c>host/pid/start ticks</c> of the process that created the container.</summary>
    public const string Owner = "vwe.owner";

    /// <summary>The engine's id in its pool (e.g. docker-3).</summary>
    public const string EngineId = "vwe.engine.id";

    /// <summary>This process, as <see cref="Owner"/> names it.</summary>
    public static string CurrentOwner { get; } = OwnerOf(Environment.MachineName, Environment.ProcessId, ProcessStart(Environment.ProcessId) ?? 0);

    public static string OwnerOf(string host, int pid, long startTicks) =>
        string.Create(CultureInfo.InvariantCulture, $"{host}/{pid}/{startTicks}");

    public static Dictionary<string, string> For(string poolId, string engineId) => new()
    {
        [Engine] = "1",
        [Pool] = poolId,
        [Owner] = CurrentOwner,
        [EngineId] = engineId,
    };

    /// <summary>
    /// Whether a container with these labels was left behind: its owner ran on this host and that process is gone
    /// (no process with its pid, or one started at another time). A container of another host is never judged.
    /// </summary>
    public static bool IsLeftover(IDictionary<string, string>? labels)
    {
        if (labels is null || !labels.TryGetValue(Owner, out string? owner))
        {
            return false;
        }

        string[] parts = owner.Split('/');
        if (parts.Length != 3 || parts[0] != Environment.MachineName
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int pid)
            || !long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out long started))
        {
            return false;
        }

        return ProcessStart(pid) != started;
    }

    private static long? ProcessStart(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.StartTime.ToUniversalTime().Ticks;
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
