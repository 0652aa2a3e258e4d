namespace Vwe.Maps;

/// <summary>The comma-separated name lists of the CLI and the docs, e.g. <c>bin,png</c> or <c>river,forest</c>.</summary>
internal static class NameList
{
    /// <summary>
    /// The values named in <paramref name="list"/> (case-insensitive, blanks and empty items skipped); an unknown
    /// name throws <see cref="FormatException"/> with the valid ones.
    /// </summary>
    public static List<T> Parse<T>(string? list, IReadOnlyList<(T Value, string Name)> all, string kind)
    {
        var values = new List<T>();
        foreach (string part in (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var match = all.FirstOrDefault(entry => entry.Name.Equals(part, StringComparison.OrdinalIgnoreCase));
            if (match.Name is null)
            {
                throw new FormatException($"unknown {kind} '{part}'; valid {kind}s are {Join(all)}");
            }

            values.Add(match.Value);
        }

        return values;
    }

    /// <summary>The names, comma-and-space separated, for messages: <c>bin, json, png</c>.</summary>
    public static string Join<T>(IReadOnlyList<(T Value, string Name)> all) => string.Join(", ", all.Select(entry => entry.Name));
}
