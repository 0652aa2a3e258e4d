using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using Vwe.Plugins.Core.Grid;
using Vwe.Plugins.Core.Worlds;
using Vwe.Protocol;

namespace Vwe.Plugins.Core.Export;

/// <summary>
/// Samples a world on a grid and writes the folder of docs/formats.md: <c>grid.bin</c> (uint16 biome[N·N], then
/// float32 height[N·N], little-endian, row 0 = south), the asked-for layer files, <c>manifest.json</c> and
/// <c>run.json</c>, atomically (a staging sibling renamed into place). One row at a time: memory is a few rows
/// whatever N, and cancellation is seen between rows.
/// </summary>
public static class GridExporter
{
    public static ExportReport Export(IWorldSource world, ExportPlan plan, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        if (world is null)
        {
            throw new ArgumentNullException(nameof(world));
        }

        if (plan is null)
        {
            throw new ArgumentNullException(nameof(plan));
        }

        if (world.Seed != plan.Seed || world.WorldGenVersion != WorldKeys.WorldGenVersion)
        {
            throw new InvalidOperationException(FormattableString.Invariant(
                $"the world loaded for seed {plan.Seed} is seed {world.Seed}, worldGenVersion {world.WorldGenVersion}; world keys describe version {WorldKeys.WorldGenVersion} worlds only"));
        }

        DateTime startedUtc = DateTime.UtcNow;
        var clock = Stopwatch.StartNew();
        using StagingFolder staging = StagingFolder.Create(plan.OutputDirectory);
        Sample(world, plan, staging.Path, progress, cancellationToken);
        TimeSpan sampled = clock.Elapsed;

        var dataFiles = new List<FileEntry>();
        foreach (string name in DataFileNames(plan.Layers))
        {
            cancellationToken.ThrowIfCancellationRequested();
            dataFiles.Add(FileHashes.Describe(Path.Combine(staging.Path, name)));
        }

        TimeSpan hashing = clock.Elapsed - sampled;
        ManifestJson.Write(Path.Combine(staging.Path, ExportFileNames.Manifest), plan, world, dataFiles);
        RunJson.Write(Path.Combine(staging.Path, ExportFileNames.Run), plan.WorldKey, startedUtc, clock.Elapsed, sampled, hashing);
        var files = dataFiles
            .Concat([FileHashes.Describe(Path.Combine(staging.Path, ExportFileNames.Manifest)), FileHashes.Describe(Path.Combine(staging.Path, ExportFileNames.Run))])
            .OrderBy(file => file.Name, StringComparer.Ordinal)
            .ToArray();

        // Last chance to give up: after the rename the export is complete and stays.
        cancellationToken.ThrowIfCancellationRequested();
        staging.Commit();
        return new ExportReport(plan.WorldKey, plan.OutputDirectory, files, clock.Elapsed);
    }

    private static IEnumerable<string> DataFileNames(Layers layers)
    {
        yield return ExportFileNames.Grid;
        foreach (KeyValuePair<Layers, string> layer in LayerNames.All)
        {
            if ((layers & layer.Key) != 0)
            {
                yield return LayerNames.FileName(layer.Key);
            }
        }
    }

    private static void Sample(IWorldSource world, ExportPlan plan, string folder, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        GridSpec grid = plan.Grid;
        int n = grid.Size;
        long pixels = grid.PixelCount;
        bool river = (plan.Layers & Layers.River) != 0;
        bool forest = (plan.Layers & Layers.Forest) != 0;

        using FileStream gridFile = Create(Path.Combine(folder, ExportFileNames.Grid), 6 * pixels);
        using FileStream? riverFile = river ? Create(Path.Combine(folder, ExportFileNames.River), 4 * pixels) : null;
        using FileStream? forestFile = forest ? Create(Path.Combine(folder, ExportFileNames.Forest), 4 * pixels) : null;

        var biomes = new ushort[n];
        var heights = new float[n];
        var rivers = river ? new float[n] : null;
        var forests = forest ? new float[n] : null;
        var bytes = new byte[4 * n];
        var xs = new float[n];
        for (int j = 0; j < n; j++)
        {
            xs[j] = grid.X(j);
        }

        for (int i = 0; i < n; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            float z = grid.Z(i);
            for (int j = 0; j < n; j++)
            {
                biomes[j] = world.GetBiome(xs[j], z);
                heights[j] = world.GetHeight(xs[j], z);
                if (rivers is not null)
                {
                    rivers[j] = world.GetRiverWeight(xs[j], z);
                }

                if (forests is not null)
                {
                    forests[j] = world.GetForestFactor(xs[j], z);
                }
            }

            long row = (long)i * n;
            WriteUInt16(gridFile, 2 * row, biomes, bytes);
            WriteSingle(gridFile, (2 * pixels) + (4 * row), heights, bytes);
            if (riverFile is not null)
            {
                WriteSingle(riverFile, 4 * row, rivers!, bytes);
            }

            if (forestFile is not null)
            {
                WriteSingle(forestFile, 4 * row, forests!, bytes);
            }

            progress?.Report((double)(i + 1) / n);
        }

        gridFile.Flush(flushToDisk: true);
        riverFile?.Flush(flushToDisk: true);
        forestFile?.Flush(flushToDisk: true);
    }

    private static FileStream Create(string path, long length)
    {
        var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        file.SetLength(length);
        return file;
    }

    private static void WriteUInt16(FileStream file, long offset, ushort[] values, byte[] bytes)
    {
        for (int k = 0; k < values.Length; k++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(2 * k), values[k]);
        }

        file.Position = offset;
        file.Write(bytes, 0, 2 * values.Length);
    }

    /// <summary>Floats go out as their bits, never converted, so −0 and every payload survive.</summary>
    private static void WriteSingle(FileStream file, long offset, float[] values, byte[] bytes)
    {
        ReadOnlySpan<uint> bits = MemoryMarshal.Cast<float, uint>(values.AsSpan());
        for (int k = 0; k < bits.Length; k++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4 * k), bits[k]);
        }

        file.Position = offset;
        file.Write(bytes, 0, 4 * values.Length);
    }
}
