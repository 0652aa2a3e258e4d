using System.Globalization;

namespace Vwe.Tests;

/// <summary>Linux process facts from /proc, for tests that kill engines from outside and check none is left.</summary>
internal static class ChildProcesses
{
    /// <summary>The live children of <paramref name="parentId"/> whose command line contains <paramref name="argument"/>.</summary>
    public static IReadOnlyList<int> Of(int parentId, string argument)
    {
        var children = new List<int>();
        foreach (string folder in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(folder), NumberStyles.None, CultureInfo.InvariantCulture, out int id))
            {
                continue;
            }

            try
            {
                // stat: "pid (comm) state ppid …"; comm may hold spaces, so split after its closing parenthesis.
                string stat = File.ReadAllText(Path.Combine(folder, "stat"));
                string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                string commandLine = File.ReadAllText(Path.Combine(folder, "cmdline")).Replace('\0', ' ');
                if (fields[0] != "Z" && int.Parse(fields[1], CultureInfo.InvariantCulture) == parentId && commandLine.Contains(argument, StringComparison.Ordinal))
                {
                    children.Add(id);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        return children;
    }

    /// <summary>Whether a process with this id exists and is not a zombie.</summary>
    public static bool IsAlive(int processId)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{processId}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] != 'Z';
        }
        catch (IOException)
        {
            return false;
        }
    }

    /// <summary>SIGKILL, as the kernel's OOM killer or an operator would send it.</summary>
    public static void Kill(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            process.Kill();
        }
        catch (ArgumentException)
        {
            // Already gone.
        }
    }
}
