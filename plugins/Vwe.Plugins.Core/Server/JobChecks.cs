using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Vwe.Plugins.Core.Export;
using Vwe.Plugins.Core.Grid;
using Vwe.Plugins.Core.Sampling;
using Vwe.Plugins.Core.Worlds;
using Vwe.Protocol;

namespace Vwe.Plugins.Core.Server;

/// <summary>
/// Turns job requests into plans, refusing anything missing, of the wrong kind or out of range before any work
/// starts (docs/protocol.md E7, E13, E16) with a message naming the field, the value and what is accepted.
/// </summary>
internal static class JobChecks
{
    /// <summary>The formats a game engine writes. json and png are made from grid.bin by the native engines.</summary>
    private static readonly string[] KnownFormats = ["bin", "json", "png"];

    public static int Seed(Request request) =>
        request.SeedInt ?? throw BadRequest(request, "seedInt is missing; give the world's int seed (vwe seed TEXT prints it)");

    public static TimeSpan? Deadline(Request request)
    {
        if (request.DeadlineMs is not { } milliseconds)
        {
            return null;
        }

        return milliseconds > 0
            ? TimeSpan.FromMilliseconds(milliseconds)
            : throw BadRequest(request, FormattableString.Invariant($"deadlineMs {milliseconds} is not a positive number of milliseconds"));
    }

    public static ExportPlan Export(Request request)
    {
        int seed = Seed(request);
        if (request.SeedText is { } text && SeedText.WorldSeed(text) != seed)
        {
            throw BadRequest(request, FormattableString.Invariant(
                $"seedText gives world seed {SeedText.WorldSeed(text)}, not seedInt {seed}; send the text the int came from, or none"));
        }

        GridArgs grid = request.Grid ?? throw BadRequest(request, "grid is missing; give {\"size\":2048,\"pixelSize\":12}");
        string folder = request.OutputDirectory ?? throw BadRequest(request, "outputDirectory is missing; give the export folder's absolute path");
        if (GridSpec.Problem(grid.Size, grid.PixelSize) is { } problem)
        {
            throw BadRequest(request, problem);
        }

        var spec = new GridSpec(grid.Size, grid.PixelSize);

        CheckFormats(request);
        Layers layers = ParseLayers(request);
        Deadline(request);
        try
        {
            string full = OutputFolder.Check(folder);
            if (OutputFolder.ForeignEntry(full) is { } foreign)
            {
                throw BadRequest(request, $"outputDirectory '{folder}' holds '{foreign}', which no export writes; the folder is replaced as a whole, so give a new or empty folder or an earlier export's");
            }

            return new ExportPlan(seed, request.SeedText, spec, layers, full);
        }
        catch (ArgumentException exception)
        {
            throw BadRequest(request, exception.Message);
        }
        catch (Exception exception) when (exception is IOException || exception is UnauthorizedAccessException)
        {
            throw new JobFailure(ErrorCodes.Io, Prefix(request) + exception.Message, exception);
        }
    }

    public static SamplePlan Sample(Request request)
    {
        int seed = Seed(request);
        if ((request.Points is null) == (request.Region is null))
        {
            throw BadRequest(request, "give exactly one of points (x0,z0,x1,z1,…) and region");
        }

        string[] fields = request.Fields ?? [];
        foreach (string field in fields)
        {
            if (!SampleFields.All.Contains(field))
            {
                throw BadRequest(request, $"field '{field}' is not one of {string.Join(", ", SampleFields.All)}");
            }
        }

        Deadline(request);
        (float[] xs, float[] zs) = request.Points is { } points ? Points(request, points) : Region(request, request.Region!);
        return new SamplePlan(seed, xs, zs, fields.Length > 0 ? fields : [SampleFields.Biome, SampleFields.Height]);
    }

    private static (float[] Xs, float[] Zs) Points(Request request, double[] points)
    {
        if (points.Length == 0 || points.Length % 2 != 0 || points.Length / 2 > ProtocolLimits.MaxSamplePoints)
        {
            throw BadRequest(request, FormattableString.Invariant(
                $"points has {points.Length} values; give x,z pairs for 1 to {ProtocolLimits.MaxSamplePoints} points, and split larger requests"));
        }

        var xs = new float[points.Length / 2];
        var zs = new float[points.Length / 2];
        for (int k = 0; k < xs.Length; k++)
        {
            xs[k] = Coordinate(request, points[2 * k]);
            zs[k] = Coordinate(request, points[(2 * k) + 1]);
        }

        return (xs, zs);
    }

    private static (float[] Xs, float[] Zs) Region(Request request, RegionArgs region)
    {
        if (!IsFinite(region.X) || !IsFinite(region.Z) || !IsFinite(region.Step) || region.Step <= 0
            || region.Columns < 1 || region.Rows < 1 || (long)region.Columns * region.Rows > ProtocolLimits.MaxSamplePoints)
        {
            throw BadRequest(request, FormattableString.Invariant(
                $"region needs finite x, z, a positive step and 1 ≤ columns × rows ≤ {ProtocolLimits.MaxSamplePoints}; got {region.Columns} × {region.Rows}, step {region.Step}"));
        }

        int count = region.Columns * region.Rows;
        var xs = new float[count];
        var zs = new float[count];
        for (int i = 0; i < region.Rows; i++)
        {
            for (int j = 0; j < region.Columns; j++)
            {
                // E16: X + j·S in exactly that form, in double, then rounded once.
                xs[(i * region.Columns) + j] = Coordinate(request, region.X + (j * region.Step));
                zs[(i * region.Columns) + j] = Coordinate(request, region.Z + (i * region.Step));
            }
        }

        return (xs, zs);
    }

    private static float Coordinate(Request request, double value)
    {
        float rounded = (float)value;
        return !float.IsNaN(rounded) && !float.IsInfinity(rounded)
            ? rounded
            : throw BadRequest(request, "coordinate " + value.ToString("R", System.Globalization.CultureInfo.InvariantCulture) + " is not a finite float32; give metres within ±3.4e38");
    }

    private static void CheckFormats(Request request)
    {
        string[] formats = request.Formats ?? throw BadRequest(request, "formats is missing; give [\"bin\"]");
        if (formats.Length == 0)
        {
            throw BadRequest(request, "formats is empty; give [\"bin\"]");
        }

        foreach (string format in formats)
        {
            if (!KnownFormats.Contains(format))
            {
                throw BadRequest(request, $"format '{format}' is not one of {string.Join(", ", KnownFormats)}");
            }

            if (format != "bin")
            {
                throw BadRequest(request, $"format '{format}' is not written by this engine, which writes bin (grid.bin and layers) only; export json and png with a native engine (vwe generate), whose grid.bin is the same bytes");
            }
        }
    }

    private static Layers ParseLayers(Request request)
    {
        Layers layers = Layers.None;
        foreach (string name in request.Layers ?? [])
        {
            KeyValuePair<Layers, string> entry = LayerNames.All.FirstOrDefault(candidate => candidate.Value == name);
            layers |= entry.Key != Layers.None
                ? entry.Key
                : throw BadRequest(request, $"layer '{name}' is not one of {string.Join(", ", LayerNames.All.Select(candidate => candidate.Value))}");
        }

        return layers;
    }

    private static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);

    private static string Prefix(Request request) =>
        FormattableString.Invariant($"{request.Op} request {request.Id}: ");

    private static JobFailure BadRequest(Request request, string message) =>
        new(ErrorCodes.BadRequest, Prefix(request) + message);
}
