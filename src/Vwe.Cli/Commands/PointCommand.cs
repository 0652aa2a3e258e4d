using System.CommandLine;
using Vwe.Maps.Points;
using Vwe.WorldGen;

namespace Vwe.Cli.Commands;

/// <summary>
/// <c>vwe point &lt;seed&gt; --at X,Z … [--in FILE]</c>: biome, height, base height, river weight and forest factor of
/// single world points, one JSON line each, in input order (schema: docs/point.md, <see cref="PointSample"/>).
/// </summary>
internal static class PointCommand
{
    private const string Description =
        "Print what the generator says about world points: one JSON line per point, in input order, with the " +
        "seed, x, z, biome {flag, name}, height (m), baseHeight, riverWeight and forestFactor (schema: docs/point.md). " +
        "Floats are the shortest decimals that round-trip the float32 values. All input is checked before the world " +
        "is generated (about a second).";

    public static Command Create()
    {
        Argument<string> seed = CommonOptions.Seed();
        Option<bool> intSeed = CommonOptions.IntSeed();
        var at = new Option<string[]>("--at")
        {
            Description = "A point as X,Z in metres (x east, z north; '.' as decimal mark), e.g. --at -3200,800. Repeatable.",
            HelpName = "X,Z",
        };
        var input = new Option<string>("--in")
        {
            Description = "A file with one X,Z per line (blank lines and # comments skipped), '-' for standard input; " +
                "its points follow those of --at.",
            HelpName = "FILE",
        };

        var command = new Command("point", Description) { seed, intSeed, at, input };
        command.Validators.Add(result =>
        {
            if (result.GetResult(at) is null && result.GetResult(input) is null)
            {
                result.AddError("No point given: add --at X,Z (repeatable) or --in FILE.");
            }
        });
        command.SetAction((parse, cancellation) =>
        {
            // Parse and read everything first: a bad point is reported before a second goes into world generation,
            // and nothing reaches stdout.
            (int worldSeed, _) = SeedInput.Resolve(parse.GetValue(seed)!, parse.GetValue(intSeed));
            List<(float X, float Z)> points = ReadPoints(parse.GetValue(at) ?? [], parse.GetValue(input));
            TextWriter output = parse.InvocationConfiguration.Output;

            // On a worker: System.CommandLine registers its Ctrl+C handler only once the action has returned its task,
            // so work done before returning could not be cancelled.
            return Task.Run(() => Write(worldSeed, points, output, cancellation), cancellation);
        });
        return command;
    }

    private static List<(float X, float Z)> ReadPoints(string[] at, string? path)
    {
        var points = new List<(float X, float Z)>(at.Length);
        for (int i = 0; i < at.Length; i++)
        {
            points.Add(PointInput.ParseAt(at[i], i + 1));
        }

        if (path is not null)
        {
            PointInput.ReadFile(path, points);
        }

        return points;
    }

    private static int Write(int seed, List<(float X, float Z)> points, TextWriter output, CancellationToken cancellation)
    {
        if (points.Count == 0)
        {
            return ExitCodes.Success;
        }

        var generator = new WorldGenerator(seed);
        foreach ((float x, float z) in points)
        {
            cancellation.ThrowIfCancellationRequested();
            output.WriteLine(PointSampleJson.Line(PointSample.At(generator, x, z)));
        }

        return ExitCodes.Success;
    }
}
