using System.CommandLine;
using Microsoft.AspNetCore.Connections;
using Vwe.Engines;
using Vwe.Service.Cache;
using Vwe.Service.Hosting;

namespace Vwe.Cli.Commands;

/// <summary>
/// <c>vwe serve [--host 127.0.0.1] [--port 8080] [--data DIR] [--engines N] [--engine process|docker|inprocess]
/// [--cache-size SIZE] [--max-queued N]</c>: the HTTP service (docs/service.md). Prints
/// <c>vwe serve: listening on http://HOST:PORT</c> on stdout once it accepts requests; logs go to stderr, one
/// line each. SIGTERM or Ctrl+C stops it gracefully (exit 0).
/// </summary>
internal static class ServeCommand
{
    public const string Name = "serve";

    /// <summary>The environment variable holding the API key; required when bound off loopback.</summary>
    public const string ApiKeyVariable = "VWE_API_KEY";

    /// <summary>How long after SIGTERM the command may take: the jobs' drain, then stopping the server and engines.</summary>
    public static TimeSpan TerminationTimeout => new ServiceOptions().DrainTimeout + TimeSpan.FromSeconds(30);

    public static Command Create()
    {
        var defaults = new ServiceOptions();
        var host = new Option<string>("--host")
        {
            Description = $"Address to listen on. Anything but loopback needs the environment variable {ApiKeyVariable} (sent by clients as X-Api-Key on POST and DELETE).",
            HelpName = "ADDRESS",
            DefaultValueFactory = _ => defaults.Host,
        };
        var port = new Option<int>("--port")
        {
            Description = "TCP port; 0 takes a free one (printed in the 'listening on' line).",
            HelpName = "PORT",
            DefaultValueFactory = _ => defaults.Port,
        };
        var data = new Option<string>("--data")
        {
            Description = "Folder for jobs.db (the job store) and worlds/ (the cache); created when missing.",
            HelpName = "DIR",
            DefaultValueFactory = _ => "./vwe-data",
        };
        var engines = new Option<int>("--engines")
        {
            Description = $"Engines in the pool, 1 to {ServiceOptions.MaxEnginesLimit}; the cores are shared between them.",
            HelpName = "N",
            DefaultValueFactory = _ => defaults.Engines,
        };
        var engine = new Option<string>("--engine")
        {
            Description = $"Engine kind: {EnginePoolSetup.KindHelp}",
            HelpName = EnginePoolSetup.KindNames,
            DefaultValueFactory = _ => "process",
        };
        var docker = new DockerInput();
        var cacheSize = new Option<string>("--cache-size")
        {
            Description = "Size of the world cache; least recently used worlds are evicted above it. Bytes, or e.g. 2GB, 500MB, 1GiB.",
            HelpName = "SIZE",
            DefaultValueFactory = _ => "10GB",
        };
        var maxQueued = new Option<int>("--max-queued")
        {
            Description = "Jobs waiting at most; requests needing another get 429 with Retry-After.",
            HelpName = "N",
            DefaultValueFactory = _ => defaults.MaxQueued,
        };

        var command = new Command(Name, "Run the HTTP service: submit seeds, follow jobs, download worlds from the cache, query points. " +
            "Prints 'vwe serve: listening on URL' on stdout when ready; logs on stderr. See docs/service.md.")
        {
            host, port, data, engines, engine, cacheSize, maxQueued,
        };
        foreach (Option option in docker.Options)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, cancellation) =>
        {
            EngineKind kind = EnginePoolSetup.ParseKind(parse.GetValue(engine)!);
            string dataDirectory = parse.GetValue(data)!;
            var options = new ServiceOptions
            {
                Host = parse.GetValue(host)!,
                Port = parse.GetValue(port),
                DataDirectory = dataDirectory,
                Engines = parse.GetValue(engines),
                EngineKind = kind,

                // The containers see the data folder at the same path: the cache's worlds and their staging folders are in it.
                Docker = kind == EngineKind.Docker ? docker.Parse(parse, dataDirectory) : null,
                EngineCommand = EnginePoolSetup.VweEngineCommand,
                CacheSizeBytes = ParseCacheSize(parse.GetValue(cacheSize)!),
                MaxQueued = parse.GetValue(maxQueued),
                ApiKey = Environment.GetEnvironmentVariable(ApiKeyVariable) is { Length: > 0 } key ? key : null,
            };
            return RunAsync(options, parse.InvocationConfiguration, cancellation);
        });
        return command;
    }

    private static long ParseCacheSize(string text)
    {
        try
        {
            return CacheSize.Parse(text);
        }
        catch (FormatException exception)
        {
            throw new InputException($"--cache-size: {exception.Message}.");
        }
    }

    private static async Task<int> RunAsync(ServiceOptions options, InvocationConfiguration console, CancellationToken cancellation)
    {
        using var log = new LineLogProvider(console.Error);
        VweService service = await StartAsync(options, log, cancellation).ConfigureAwait(false);
        await using (service.ConfigureAwait(false))
        {
            await console.Output.WriteLineAsync($"vwe serve: listening on {service.Address.Scheme}://{service.Address.Authority}").ConfigureAwait(false);
            await console.Output.FlushAsync(CancellationToken.None).ConfigureAwait(false);
            try
            {
                await service.Completion.WaitAsync(cancellation).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
            {
                // SIGTERM or Ctrl+C: the graceful stop below.
            }

            await service.StopAsync().ConfigureAwait(false);

            // Rethrows why the service stopped by itself (engines that cannot start: exit 4).
            await service.Completion.ConfigureAwait(false);
        }

        return ExitCodes.Success;
    }

    private static async Task<VweService> StartAsync(ServiceOptions options, LineLogProvider log, CancellationToken cancellation)
    {
        try
        {
            return await VweService.StartAsync(options, log, cancellation).ConfigureAwait(false);
        }
        catch (ServiceOptionsException exception)
        {
            throw new InputException(exception.Message);
        }
        catch (IOException exception) when (exception.InnerException is AddressInUseException)
        {
            throw new InputException($"--port {options.Port} on {options.Host} is in use; give another port, or 0 for a free one.");
        }
        catch (InvalidDataException exception)
        {
            throw new InputException($"--data: {exception.Message}");
        }
        catch (DataFolderInUseException exception)
        {
            throw new InputException($"--data {exception.Message}");
        }
        catch (DataFolderException exception)
        {
            // Exit 3, as any folder that cannot be written.
            throw new IOException($"--data {exception.Message}", exception);
        }
    }
}
