using System.Runtime.ExceptionServices;
using System.Diagnostics;
using Vwe.Maps.Grid;

namespace Vwe.Maps.Export;

/// <summary>
/// Runs a whole export: checks the request, samples the grid once into every requested file of a staging
/// folder, hashes the data files, writes manifest.json and run.json, and renames the folder into place. On any
/// failure or cancellation the staging folder is deleted and an existing output folder is left as it was.
/// </summary>
public static class WorldExporter
{
    /// <summary>Exports <paramref name="request"/>; progress goes from 0 to 1 as rows are written.</summary>
    public static ExportResult Export(
        ExportRequest request, IProgress<double>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        request.Validate();
        string finalPath = OutputPath.Check(request.OutputDirectory);
        cancellationToken.ThrowIfCancellationRequested();

        DateTimeOffset started = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        using StagingDirectory staging = StagingDirectory.Create(finalPath);
        try
        {
            return Write(request, staging, started, clock, progress, cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Disposing the staging folder deletes what was written; the system's message names that folder.
            throw new ExportWriteException(finalPath, ExportWriteException.ReasonOf(exception, staging.Path), exception);
        }
    }

    private static ExportResult Write(
        ExportRequest request,
        StagingDirectory staging,
        DateTimeOffset started,
        Stopwatch clock,
        IProgress<double>? progress,
        CancellationToken cancellationToken)
    {

        IReadOnlyList<string> names;
        var pixelHashes = new Dictionary<string, string?>(StringComparer.Ordinal);
        using (ExportSinks sinks = ExportSinks.Create(request, staging.Path, cancellationToken))
        {
            GridSampler.Sample(
                request.Generator, request.Grid, request.Layers, request.Threads, sinks.All, progress, cancellationToken);
            names = sinks.FileNames;
            foreach (string name in names)
            {
                pixelHashes[name] = sinks.PixelsSha256(name);
            }
        }

        TimeSpan sampleAndWrite = clock.Elapsed;
        IReadOnlyList<ExportedFile> dataFiles = Describe(staging.Path, names, pixelHashes, request.Threads, cancellationToken);
        TimeSpan hashing = clock.Elapsed - sampleAndWrite;

        ManifestWriter.Write(Path.Combine(staging.Path, ExportFileNames.Manifest), request, dataFiles);
        var timings = new ExportTimings(started, sampleAndWrite, hashing, clock.Elapsed);
        RunWriter.Write(Path.Combine(staging.Path, ExportFileNames.Run), request, timings);
        IReadOnlyList<ExportedFile> files =
        [
            .. dataFiles,
            .. Describe(staging.Path, [ExportFileNames.Manifest, ExportFileNames.Run], pixelHashes, 1, cancellationToken),
        ];

        cancellationToken.ThrowIfCancellationRequested();
        staging.Commit();
        progress?.Report(1);
        return new ExportResult(
            request.WorldKey,
            staging.FinalPath,
            [.. files.OrderBy(file => file.Name, StringComparer.Ordinal)],
            timings with { Total = clock.Elapsed });
    }

    private static ExportedFile[] Describe(
        string folder,
        IReadOnlyList<string> names,
        Dictionary<string, string?> pixelHashes,
        int threads,
        CancellationToken cancellationToken)
    {
        var files = new ExportedFile[names.Count];
        try
        {
            HashAll(folder, names, pixelHashes, threads, files, cancellationToken);
        }
        catch (AggregateException aggregate) when (aggregate.InnerExceptions.Count == 1)
        {
            // One failed file: rethrow its own exception (e.g. an IOException) rather than Parallel's wrapper.
            ExceptionDispatchInfo.Throw(aggregate.InnerExceptions[0]);
        }

        return files;
    }

    private static void HashAll(
        string folder,
        IReadOnlyList<string> names,
        Dictionary<string, string?> pixelHashes,
        int threads,
        ExportedFile[] files,
        CancellationToken cancellationToken)
    {
        Parallel.For(
            0,
            names.Count,
            new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken },
            index =>
            {
                string path = Path.Combine(folder, names[index]);
                files[index] = new ExportedFile(
                    names[index],
                    new FileInfo(path).Length,
                    FileHash.Sha256(path, cancellationToken),
                    pixelHashes.GetValueOrDefault(names[index]));
            });
    }
}
