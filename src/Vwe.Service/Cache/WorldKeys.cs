using System.Text.RegularExpressions;

namespace Vwe.Service.Cache;

/// <summary>
/// The shape of a world key (<c>1706363555-g2-e1-2048x12</c>, see <see cref="Vwe.Maps.WorldKey"/>): what a URL
/// segment must look like before it is even looked up. Names of files and folders are never built from request text.
/// </summary>
public static partial class WorldKeys
{
    public static bool IsWellFormed(string? text) => text is { Length: <= 80 } && Shape().IsMatch(text);

    [GeneratedRegex(@"^-?[0-9]{1,10}-g[0-9]{1,3}-e[0-9]{1,3}-[0-9]{1,5}x[0-9]+(\.[0-9]+)?(E[-+]?[0-9]+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
