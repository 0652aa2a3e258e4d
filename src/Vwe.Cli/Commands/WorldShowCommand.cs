using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Vwe.GameFiles;
using Vwe.GameFiles.Worlds;
using Vwe.WorldGen;

namespace Vwe.Cli.Commands;

/// <summary><c>vwe world show FILE [--json]</c>: what a world metadata file (any version 9 to 41) holds.</summary>
internal static class WorldShowCommand
{
    private const string Description =
        "Print what a world metadata file holds: name, seed name, int seed, world file version, uid, worldGenVersion, " +
        "needsDB, starting global keys (world modifiers) and the player count. Reads the 1.0 _main.N.fwl2 and the older " +
        "NAME.fwl, every world version the game loads (9 to 41); given a world folder, its newest _main.N.fwl2.";

    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A .fwl2 or .fwl file, or a 1.0 world folder (worlds_local/NAME)." };
        var json = new Option<bool>("--json") { Description = "Print the fields as one JSON object (players with their ids)." };
        var command = new Command("show", Description) { file, json };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(json), parse.InvocationConfiguration.Output));
        return command;
    }

    private static int Run(string given, bool json, TextWriter output)
    {
        string path = Resolve(given);
        WorldMetadata world = WorldMetadataFile.Read(path);
        bool seedMatches = world.Seed == StableHash.WorldSeed(world.SeedName);
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new
            {
                file = path,
                version = world.Version,
                name = world.Name,
                seedName = world.SeedName,
                seed = world.Seed,
                seedMatchesSeedName = seedMatches,
                uid = world.Uid,
                worldGenVersion = world.WorldGenVersion,
                needsDb = world.NeedsDb,
                startingGlobalKeys = world.StartingGlobalKeys,
                players = world.PlayerHistory,
            }));
            return ExitCodes.Success;
        }

        output.WriteLine($"file:            {path}");
        output.WriteLine($"version:         {world.Version}{(world.Version == WorldVersions.Current ? " (Valheim 1.0)" : "")}");
        output.WriteLine($"name:            {world.Name}");
        output.WriteLine($"seed name:       {world.SeedName}");
        output.WriteLine($"seed:            {Invariant(world.Seed)}{(seedMatches ? "" : " (not the hash of the seed name: the game uses this int)")}");
        output.WriteLine($"uid:             {Invariant(world.Uid)}");
        output.WriteLine($"worldGenVersion: {world.WorldGenVersion}{(world.Version < WorldVersions.WorldGenVersionField ? " (not stored before version 26)" : "")}");
        output.WriteLine($"needsDB:         {(world.NeedsDb ? "true (saved at least once)" : "false (never saved: the server generates it)")}");
        output.WriteLine($"starting keys:   {(world.StartingGlobalKeys.Count == 0 ? "(none)" : string.Join(", ", world.StartingGlobalKeys))}");
        output.WriteLine($"players seen:    {world.PlayerHistory.Count}");
        return ExitCodes.Success;
    }

    private static string Resolve(string given)
    {
        if (!Directory.Exists(given))
        {
            return given;
        }

        return WorldSaveFolder.NewestMetadata(given)
            ?? throw new GameFileException($"'{given}' is a folder without a _main.N.fwl2; give the world's .fwl2 or .fwl file, or its 1.0 world folder.");
    }

    private static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
