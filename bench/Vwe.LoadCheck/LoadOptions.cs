using System.Globalization;

namespace Vwe.LoadCheck;

/// <summary>The command line of the load check.</summary>
internal sealed record LoadOptions(string Vwe, int Clients, int Seconds, int FreshWorlds, int Engines, IReadOnlySet<string> Only)
{
    /// <summary>The scenario groups, in the order they run; <c>--only a,b</c> runs some of them.</summary>
    public static readonly string[] Groups = ["files", "points", "fresh", "tiles"];

    public bool Runs(string group) => Only.Contains(group);

    public static LoadOptions Parse(string[] args)
    {
        string? vwe = null;
        int clients = 16, seconds = 10, fresh = 24, engines = 2;
        string[] only = Groups;
        for (int i = 0; i < args.Length; i++)
        {
            string value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i++])
            {
                case "--vwe": vwe = value; break;
                case "--clients": clients = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--seconds": seconds = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--fresh": fresh = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--engines": engines = int.Parse(value, CultureInfo.InvariantCulture); break;
                case "--only": only = value.Split(','); break;
                default: throw new ArgumentException($"unknown option {args[i - 1]}; see bench/serve.sh");
            }
        }

        if (only.FirstOrDefault(group => !Groups.Contains(group)) is { } unknown)
        {
            throw new ArgumentException($"--only {unknown}: the scenario groups are {string.Join(", ", Groups)}");
        }

        return new LoadOptions(
            vwe ?? throw new ArgumentException("--vwe PATH (the published vwe binary) is required"), clients, seconds, fresh, engines, only.ToHashSet());
    }
}
