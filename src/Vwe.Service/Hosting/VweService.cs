using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Metrics;
using Vwe.Engines;
using Vwe.Pool;
using Vwe.Service.Api;
using Vwe.Service.Cache;
using Vwe.Service.Jobs;
using Vwe.Service.Points;
using Vwe.Service.Tiles;
using Vwe.Service.Viewer;

namespace Vwe.Service.Hosting;

/// <summary>
/// The running service: job store and cache in the data folder, the warm engine pool, the job runner, and the
/// HTTP API on Kestrel. <see cref="StartAsync"/> returns once it accepts requests (the pool fills in the
/// background; <c>/readyz</c> says when); <see cref="StopAsync"/> drains running jobs (or queues them again),
/// then stops the server and the engines. Used by <c>vwe serve</c> and by tests, on a real port.
/// </summary>
public sealed class VweService : IAsyncDisposable
{
    /// <summary>Histogram buckets for durations in seconds: a point query (milliseconds) up to a large export (a minute).</summary>
    private static readonly double[] SecondsBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

    private readonly ServiceOptions options;
    private readonly WebApplication app;
    private readonly DataFolderLock dataLock;
    private readonly ServiceDatabase database;
    private readonly WarmEnginePool pool;
    private readonly JobRunner runner;
    private readonly ServiceMetrics metrics;
    private readonly ILogger logger;
    private readonly TaskCompletionSource stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Why the engine pool could not start; the stop it causes faults <see cref="Completion"/> with it.</summary>
    private Exception? poolFailure;
    private readonly CancellationTokenSource poolStart = new();
    private readonly Lock stopGate = new();
    private Task? stopping;

    private VweService(
        ServiceOptions options, WebApplication app, DataFolderLock dataLock, ServiceDatabase database, WarmEnginePool pool, JobRunner runner, ServiceMetrics metrics)
    {
        this.options = options;
        this.app = app;
        this.dataLock = dataLock;
        this.database = database;
        this.pool = pool;
        this.runner = runner;
        this.metrics = metrics;
        logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("vwe.serve");
    }

    /// <summary>Where it listens, e.g. <c>http://127.0.0.1:8080</c> (the real port when 0 was asked for).</summary>
    public Uri Address { get; private set; } = null!;

    /// <summary>Completes when the service has stopped; faults with the cause when the engine pool could not start.</summary>
    public Task Completion => stopped.Task;

    public JobStore Jobs => app.Services.GetRequiredService<JobStore>();

    public WorldCache Cache => app.Services.GetRequiredService<WorldCache>();

    public WarmEnginePool Pool => pool;

    /// <summary>
    /// Opens the data folder (queuing again the jobs a previous run left running), builds everything and starts
    /// listening. Logs go to <paramref name="log"/> as single lines (stderr for <c>vwe serve</c>).
    /// Throws <see cref="ServiceOptionsException"/> for bad options, <see cref="DataFolderInUseException"/> when another
    /// service holds the data folder, <see cref="DataFolderException"/> when it cannot be used, and
    /// <see cref="IOException"/> when the port cannot be used.
    /// </summary>
    public static async Task<VweService> StartAsync(ServiceOptions options, ILoggerProvider? log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = [],
            EnvironmentName = Environments.Production,
            ContentRootPath = AppContext.BaseDirectory,
        });
        ConfigureLogging(builder.Logging, log);
        builder.Services.AddSingleton<IHostLifetime, OwnerLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(5));
        builder.WebHost.UseKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
            if (options.Host == "localhost")
            {
                kestrel.ListenLocalhost(options.Port);
            }
            else
            {
                kestrel.Listen(IPAddress.Parse(options.Host), options.Port);
            }
        });

        using ILoggerFactory startupLogs = LoggerFactory.Create(logging => ConfigureLogging(logging, log));
        ILogger startup = startupLogs.CreateLogger("vwe.serve");
        var time = TimeProvider.System;
        (DataFolderLock dataLock, ServiceDatabase database, JobStore store, WorldCache cache) = OpenDataFolder(options, time, startup);
        WarmEnginePool pool = PoolSetup.Create(
            options.EngineKind, options.Engines, threads: null, PoolOptions.DefaultMaxJobsPerEngine, cold: false, options.EngineCommand, options.EngineWaitTimeout, options.Docker);
        var metrics = new ServiceMetrics(store, cache);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(database);
        builder.Services.AddSingleton(store);
        builder.Services.AddSingleton(cache);
        builder.Services.AddSingleton(pool);
        builder.Services.AddSingleton(new PointBatcher(pool));
        builder.Services.AddSingleton(metrics);
        AddTiles(builder.Services, pool, metrics, options.TileCacheBytes);
        builder.Services.AddSingleton(new Readiness(pool));
        builder.Services.AddSingleton(services => new JobRunner(store, cache, pool, metrics, time, services.GetRequiredService<ILoggerFactory>().CreateLogger("vwe.jobs")));
        builder.Services.AddSingleton(services => new WorldRequests(
            store, cache, services.GetRequiredService<JobRunner>(), metrics, options.MaxQueued, services.GetRequiredService<ILoggerFactory>().CreateLogger("vwe.jobs")));
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<StoreFailureHandler>();
        builder.Services.AddOpenApi();
        builder.Services.AddOpenTelemetry().WithMetrics(meters => meters
            .AddMeter(ServiceMetrics.MeterName, PoolMetrics.MeterName, EngineMetrics.MeterName)
            .AddView(instrument => instrument.Unit == "s" ? new ExplicitBucketHistogramConfiguration { Boundaries = SecondsBuckets } : null)
            .AddPrometheusExporter());

        WebApplication app = builder.Build();
        MapEndpoints(app, new ApiKeyFilter(options.ApiKey), options.ViewerDirectory);
        var service = new VweService(options, app, dataLock, database, pool, app.Services.GetRequiredService<JobRunner>(), metrics);
        try
        {
            await service.StartCoreAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            // The port is in use, say: nothing ran yet; let the data folder go with the rest.
            await service.AbandonAsync().ConfigureAwait(false);
            throw;
        }

        return service;
    }

    /// <summary>
    /// Takes the data folder (refusing one another service holds), opens the job store (queuing again the jobs a
    /// previous run left running) and the cache. A folder that cannot be used is a <see cref="DataFolderException"/>.
    /// </summary>
    private static (DataFolderLock Lock, ServiceDatabase Database, JobStore Store, WorldCache Cache) OpenDataFolder(
        ServiceOptions options, TimeProvider time, ILogger startup)
    {
        string data = Path.GetFullPath(options.DataDirectory);
        DataFolderLock? dataLock = null;
        ServiceDatabase? database = null;
        try
        {
            dataLock = DataFolderLock.Acquire(data);
            database = ServiceDatabase.Open(data);
            var store = new JobStore(database, time);
            int recovered = store.RequeueAllRunning();
            if (recovered > 0)
            {
                startup.RecoveredJobs(recovered);
            }

            var cache = WorldCache.Open(data, database, options.CacheSizeBytes, time, startup);
            return (dataLock, database, store, cache);
        }
        catch (Exception exception) when (exception is not DataFolderInUseException)
        {
            database?.Dispose();
            dataLock?.Dispose();
            throw exception is IOException or UnauthorizedAccessException or SqliteException
                ? new DataFolderException(data, exception)
                : exception;
        }
    }

    /// <summary>
    /// Stops: running jobs get <see cref="ServiceOptions.DrainTimeout"/> to finish, then are queued again; the
    /// server stops; the engines are stopped. Safe to call more than once.
    /// </summary>
    public Task StopAsync()
    {
        lock (stopGate)
        {
            return stopping ??= StopCoreAsync();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private static void ConfigureLogging(ILoggingBuilder logging, ILoggerProvider? log)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(LogLevel.Information);
        logging.AddFilter("Microsoft", LogLevel.Warning);
        logging.AddFilter("System", LogLevel.Warning);

        // Its start failure (a port in use) is thrown to the caller, which reports it in one line of its own.
        logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.Critical);
        if (log is not null)
        {
            logging.AddProvider(log);
        }
    }

    private static void MapEndpoints(WebApplication app, ApiKeyFilter apiKey, string viewerDirectory)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseViewer(viewerDirectory);
        MapApi(app, apiKey);
        app.MapHealth();
        app.MapOpenApi();
        app.MapPrometheusScrapingEndpoint("/metrics");
    }

    private static void MapApi(WebApplication app, ApiKeyFilter apiKey)
    {
        RouteGroupBuilder api = app.MapGroup(ApiPaths.Root);
        api.MapWorlds(apiKey);
        api.MapWorldFiles();
        api.MapJobs(apiKey);
        api.MapPoint();
        api.MapPool();
        api.MapTiles();
        api.MapSeed();
    }

    private static void AddTiles(IServiceCollection services, WarmEnginePool pool, ServiceMetrics metrics, long cacheBytes)
    {
        var cache = new TileCache(cacheBytes);
        services.AddSingleton(new TileService(cache, new TileRenderer(pool), new TileMetrics(metrics, cache)));
    }

    private async Task StartCoreAsync(CancellationToken cancellationToken)
    {
        await app.StartAsync(cancellationToken).ConfigureAwait(false);
        string address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        Address = new Uri(address);
        pool.Metrics.Event += message => logger.PoolEvent(message);
        Task poolReady = FillPoolAsync();
        runner.Start(poolReady);
    }

    private async Task FillPoolAsync()
    {
        try
        {
            await pool.StartAsync(poolStart.Token).ConfigureAwait(false);
            app.Services.GetRequiredService<Readiness>().Ready();
            logger.PoolReady(pool.Options.MinReady, pool.Options.MaxConcurrentJobs);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.PoolFailed(exception.Message);
            app.Services.GetRequiredService<Readiness>().Failed(exception.Message);
            poolFailure = exception;
            _ = StopAsync();
            throw;
        }
    }

    /// <summary>Releases what <see cref="StartAsync"/> built when it could not start listening.</summary>
    private async Task AbandonAsync()
    {
        await pool.DisposeAsync().ConfigureAwait(false);
        await app.DisposeAsync().ConfigureAwait(false);
        runner.Dispose();
        metrics.Dispose();
        database.Dispose();
        dataLock.Dispose();
        poolStart.Dispose();
    }

    private async Task StopCoreAsync()
    {
        logger.Stopping(options.DrainTimeout.TotalSeconds);
        await poolStart.CancelAsync().ConfigureAwait(false);
        try
        {
            await runner.StopAsync(options.DrainTimeout).ConfigureAwait(false);
            await app.StopAsync(CancellationToken.None).ConfigureAwait(false);
            await pool.DisposeAsync().ConfigureAwait(false);
            logger.Stopped();
            await app.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            runner.Dispose();
            metrics.Dispose();
            database.Dispose();
            dataLock.Dispose();
            poolStart.Dispose();
            if (poolFailure is { } failure)
            {
                stopped.TrySetException(failure);
            }
            else
            {
                stopped.TrySetResult();
            }
        }
    }
}
