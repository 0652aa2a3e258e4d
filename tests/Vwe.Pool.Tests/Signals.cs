using System.Diagnostics;
using System.Globalization;

namespace Vwe.Pool.Tests;

/// <summary>
/// Signals other than SIGKILL (<see cref="ChildProcesses.Kill"/>), sent with the kill binary (.ci/run installs it).
/// </summary>
internal static class Signals
{
    /// <summary>SIGSTOP: the process is frozen, as a machine swapping hard or a debugger would leave it; it answers nothing.</summary>
    public static void Freeze(int processId)
    {
        using Process kill = Process.Start("kill", ["-STOP", processId.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }
}
