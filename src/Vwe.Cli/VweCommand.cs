using System.CommandLine;
using Vwe.Cli.Commands;

namespace Vwe.Cli;

/// <summary>The <c>vwe</c> root command: one subcommand per folder of <c>Commands/</c>.</summary>
internal static class VweCommand
{
    public static RootCommand Create(TextWriter output, TextWriter error)
    {
        var root = new RootCommand(
            "vwe — Valheim World Engine: turns Valheim world seeds into the game's exact biome map, heightmap and rivers.\n" +
            ExitCodes.Help);
        root.Subcommands.Add(SeedCommand.Create(output));
        return root;
    }

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        RootCommand root = Create(output, error);
        ParseResult parse = root.Parse(args);
        try
        {
            return parse.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception exception) when (ExitCodes.ForException(exception) is int code)
        {
            error.WriteLine($"vwe: {exception.Message}");
            return code;
        }
    }
}
