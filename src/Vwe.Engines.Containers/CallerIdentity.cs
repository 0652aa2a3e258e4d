using System.Globalization;

namespace Vwe.Engines.Containers;

/// <summary>
/// The uid:gid this process runs as, which the containers run as too: files an engine writes into a mounted
/// folder belong to the caller, never to root.
/// </summary>
internal static class CallerIdentity
{
    /// <summary><c>uid:gid</c> from /proc/self/status (real ids); null where there is no /proc (the image's own user is kept).</summary>
    public static string? UserAndGroup { get; } = Read();

    private static string? Read()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return null;
        }

        string? uid = null;
        string? gid = null;
        foreach (string line in File.ReadLines(status))
        {
            if (line.StartsWith("Uid:", StringComparison.Ordinal))
            {
                uid = FirstId(line);
            }
            else if (line.StartsWith("Gid:", StringComparison.Ordinal))
            {
                gid = FirstId(line);
            }
        }

        return uid is null || gid is null ? null : $"{uid}:{gid}";
    }

    private static string? FirstId(string line)
    {
        string[] fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return fields.Length > 1 && uint.TryParse(fields[1], NumberStyles.None, CultureInfo.InvariantCulture, out _) ? fields[1] : null;
    }
}
