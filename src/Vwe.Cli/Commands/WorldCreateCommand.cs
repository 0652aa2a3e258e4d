using System.CommandLine;
using System.Text.Json;
using Vwe.GameFiles;
using Vwe.GameFiles.Worlds;

namespace Vwe.Cli.Commands;

/// <summary>
/// <c>vwe world create --name NAME --seed TEXT [--dir DIR] [--force] [--json]</c>: a new, never-saved Valheim 1.0 world
/// (<c>DIR/NAME/_main.0.fwl2</c>, world version 41) that the dedicated server loads for <c>-world NAME</c> and
/// generates from the seed.
/// </summary>
internal static class WorldCreateCommand
{
    public const string DefaultDir = "worlds_local";

    private const string Description =
        "Create a world for the Valheim 1.0 dedicated server: writes DIR/NAME/_main.0.fwl2 (world file version 41, as the " +
        "game's new-world dialog writes it: the seed text, its int seed, worldGenVersion 2, never saved). Start the server " +
        "with -world NAME and -savedir set to the folder holding DIR (DIR must be that folder's worlds_local): finding no " +
        "saved game, it generates the world from this seed. Written atomically; an existing header is kept unless --force, " +
        "and a folder holding a saved game is never touched.";

    public static Command Create()
    {
        var name = new Option<string>("--name")
        {
            Description = $"The world's name: the server's -world argument and the folder name (1 to {WorldName.MaxLength} characters, no / \\ : * ? \" < > |).",
            HelpName = "NAME",
            Required = true,
        };
        var seed = new Option<string>("--seed")
        {
            Description = "The seed text exactly as typed in the game's new-world dialog; its int seed is the game's hash of it (empty: seed 0).",
            HelpName = "TEXT",
            Required = true,
        };
        var dir = new Option<string>("--dir")
        {
            Description = $"The server's worlds folder, <savedir>/worlds_local; default ./{DefaultDir}. Missing folders are created.",
            HelpName = "DIR",
            DefaultValueFactory = _ => DefaultDir,
        };
        var force = new Option<bool>("--force") { Description = "Replace an existing new-world header of this name (never a saved game)." };
        var json = new Option<bool>("--json") { Description = "Print what was written as one JSON object." };

        var command = new Command("create", Description) { name, seed, dir, force, json };
        command.SetAction(parse => Run(
            parse.GetValue(name)!, parse.GetValue(seed)!, parse.GetValue(dir)!, parse.GetValue(force), parse.GetValue(json), parse.InvocationConfiguration.Output));
        return command;
    }

    private static int Run(string name, string seedText, string dir, bool force, bool json, TextWriter output)
    {
        if (WorldName.Problem(name) is { } problem)
        {
            throw new InputException($"--name {InputText.Quote(name)} {problem}; give a plain name such as Midgard (it becomes a folder name and the server's -world).");
        }

        SeedInput.CheckLength(seedText);
        if (string.IsNullOrWhiteSpace(dir))
        {
            throw new InputException($"--dir is empty; give the server's worlds folder, e.g. --dir {DefaultDir}.");
        }

        WorldMetadata world = WorldMetadata.CreateNew(name, seedText, WorldMetadata.NewUid(name));
        string path;
        try
        {
            path = NewWorld.Create(dir, world, force);
        }
        catch (GameFileException exception)
        {
            throw new InputException(exception.Message);
        }

        string worldsFolder = Path.GetFullPath(dir);
        string saveDir = Path.GetDirectoryName(worldsFolder) ?? worldsFolder;
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new
            {
                path,
                name = world.Name,
                seedName = world.SeedName,
                seed = world.Seed,
                uid = world.Uid,
                version = world.Version,
                worldGenVersion = world.WorldGenVersion,
                saveDir,
            }));
            return ExitCodes.Success;
        }

        output.WriteLine($"wrote {path}: world '{world.Name}', seed {InputText.Quote(world.SeedName)} = {world.Seed.ToString(System.Globalization.CultureInfo.InvariantCulture)}, world version {world.Version} (Valheim 1.0), worldGenVersion {world.WorldGenVersion}");
        string note = Path.GetFileName(worldsFolder) == DefaultDir ? "" : $" (the server reads <savedir>/{DefaultDir}: rename or move {worldsFolder} to match)";
        output.WriteLine($"start the dedicated server with: -world '{world.Name}' -savedir '{saveDir}'{note}");
        return ExitCodes.Success;
    }
}
