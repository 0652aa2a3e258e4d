using System.CommandLine;

namespace Vwe.Cli.Commands;

/// <summary><c>vwe world create|show</c>: the game's world metadata files, which carry the seed (docs/game-files.md).</summary>
internal static class WorldCommand
{
    public static Command Create()
    {
        var command = new Command(
            "world",
            "Write and read the game's world metadata (.fwl2 / .fwl): the file that carries a world's name and seed, so a " +
            "dedicated server started with -world NAME generates the world of that seed. Formats: docs/game-files.md.");
        command.Subcommands.Add(WorldCreateCommand.Create());
        command.Subcommands.Add(WorldShowCommand.Create());
        return command;
    }
}
