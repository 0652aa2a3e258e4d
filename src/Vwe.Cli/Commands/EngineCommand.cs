using System.CommandLine;
using System.Globalization;
using System.Net;
using Vwe.Engines;
using Vwe.Engines.Hosting;
using Vwe.Protocol;

namespace Vwe.Cli.Commands;

/// <summary>
/// <c>vwe engine [--threads T] [--max-worlds K] [--listen ADDRESS:PORT] [--parent-pid PID]</c>: a long-running
/// engine speaking the control protocol (docs/protocol.md) on stdin/stdout, or on a TCP port. Started by the
/// pool, not by people; logs go to stderr.
/// </summary>
internal static class EngineCommand
{
    private const int MaxWorldsLimit = 64;

    public static Command Create()
    {
        var threads = new Option<int>("--threads")
        {
            Description = "Threads for one job, 1 to 256.",
            HelpName = "T",
            DefaultValueFactory = _ => 1,
        };
        var maxWorlds = new Option<int>("--max-worlds")
        {
            Description = $"Worlds kept loaded between jobs, 1 to {MaxWorldsLimit}.",
            HelpName = "K",
            DefaultValueFactory = _ => 3,
        };
        var listen = new Option<string?>("--listen")
        {
            Description = "Serve the protocol on this TCP address instead of stdio, e.g. 127.0.0.1:7777 (port 0: any free port, printed on stderr).",
            HelpName = "ADDRESS:PORT",
        };
        var parent = new Option<int?>("--parent-pid")
        {
            Description = "Exit when this process is gone.",
            HelpName = "PID",
        };
        var noWarmUp = new Option<bool>("--no-warm-up")
        {
            Description = "Report ready without first running a small job through every code path.",
        };
        var faults = new Option<string[]>("--fault")
        {
            Description = $"Testing only: misbehave on purpose ({EngineFaults.Help}).",
            HelpName = "FAULT",
            AllowMultipleArgumentsPerToken = false,
        };

        var command = new Command("engine", "Run an engine that speaks the control protocol on stdin/stdout (or --listen): what the pool starts. See docs/protocol.md.")
        {
            threads, maxWorlds, listen, parent, noWarmUp, faults,
        };
        command.SetAction((parse, cancellation) =>
        {
            var options = new EngineHostOptions
            {
                Engine = new EngineOptions
                {
                    Threads = InRange("--threads", parse.GetValue(threads), 1, 256),
                    MaxWorlds = InRange("--max-worlds", parse.GetValue(maxWorlds), 1, MaxWorldsLimit),
                    WarmUp = !parse.GetValue(noWarmUp),
                },
                Faults = ParseFaults(parse.GetValue(faults) ?? []),
                ParentProcessId = parse.GetValue(parent),

                // Only the vwe-engine image listens on TCP; a pool's child processes speak over stdio.
                Kind = parse.GetValue(listen) is null ? EngineKinds.Process : EngineKinds.Container,
            };
            var host = new EngineHost(options);
            return parse.GetValue(listen) is { } address
                ? host.ListenAsync(Endpoint(address), bound => Console.Error.WriteLine($"vwe engine: listening on {bound}"), cancellation)
                : host.RunAsync(Console.OpenStandardInput(), Console.OpenStandardOutput(), cancellation);
        });
        return command;
    }

    private static int InRange(string option, int value, int min, int max) =>
        value >= min && value <= max
            ? value
            : throw new InputException(string.Create(CultureInfo.InvariantCulture, $"{option} {value} is outside {min}..{max}."));

    private static EngineFaults ParseFaults(string[] values)
    {
        try
        {
            return EngineFaults.Parse(values);
        }
        catch (FormatException exception)
        {
            throw new InputException(exception.Message);
        }
    }

    private static IPEndPoint Endpoint(string text) =>
        IPEndPoint.TryParse(text, out IPEndPoint? endpoint) && text.Contains(':', StringComparison.Ordinal)
            ? endpoint
            : throw new InputException($"--listen '{text}' is not ADDRESS:PORT, e.g. 127.0.0.1:7777.");
}
