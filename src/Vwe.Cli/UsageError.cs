using System.CommandLine;
using System.CommandLine.Parsing;

namespace Vwe.Cli;

/// <summary>
/// A command line that does not parse, as one stderr line: System.CommandLine's messages, then where to look,
/// e.g. <c>vwe: Required argument missing for command: 'seed'. See 'vwe seed --help'.</c>
/// </summary>
internal static class UsageError
{
    public static string Describe(ParseResult parse)
    {
        IEnumerable<string> messages = parse.Errors.Select(e => VweCommand.OneLine(e.Message)).Distinct(StringComparer.Ordinal);
        return $"vwe: {string.Join(' ', messages)} See '{CommandPath(parse.CommandResult)} --help'.";
    }

    /// <summary>"vwe seed" for the seed command; the root's own name is the host's file name (testhost under xunit).</summary>
    private static string CommandPath(CommandResult command)
    {
        var names = new Stack<string>();
        for (SymbolResult? result = command; result is CommandResult { Parent: not null } sub; result = sub.Parent)
        {
            names.Push(sub.Command.Name);
        }

        names.Push("vwe");
        return string.Join(' ', names);
    }
}
