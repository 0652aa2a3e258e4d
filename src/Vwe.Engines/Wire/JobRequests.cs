using Vwe.Engines.Jobs;
using Vwe.Maps.Export;
using Vwe.Maps.Grid;
using Vwe.Protocol;
using SampleFields = Vwe.Engines.Jobs.SampleFields;

namespace Vwe.Engines.Wire;

/// <summary>
/// Turns protocol requests into jobs, refusing anything incomplete or out of range with a message that names the
/// field (<see cref="EngineJobException"/>, code bad-request).
/// </summary>
internal static class JobRequests
{
    public static int Seed(Request request) =>
        request.SeedInt ?? throw BadRequest(request, "seedInt is missing; give the world's int seed");

    public static TimeSpan? Deadline(Request request) => request.DeadlineMs switch
    {
        null => null,
        > 0 and var ms => TimeSpan.FromMilliseconds(ms),
        var ms => throw BadRequest(request, $"deadlineMs {ms} is not a positive number of milliseconds"),
    };

    public static ExportJob Export(Request request)
    {
        int seed = Seed(request);
        GridArgs grid = request.Grid ?? throw BadRequest(request, "grid is missing; give {\"size\":2048,\"pixelSize\":12}");
        string folder = request.OutputDirectory ?? throw BadRequest(request, "outputDirectory is missing");
        if (!Path.IsPathFullyQualified(folder))
        {
            // The engine's working folder means nothing to the client: only absolute paths are unambiguous.
            throw BadRequest(request, $"outputDirectory '{folder}' is not an absolute path");
        }

        try
        {
            // E13: everything, the output folder included, is checked before the world is loaded.
            string full = OutputPath.Check(folder);
            if (OutputPath.ForeignEntry(full) is { } foreign)
            {
                throw BadRequest(request, $"outputDirectory '{folder}' holds '{foreign}', which no export writes; the folder is replaced as a whole, so give a new or empty folder or an earlier export's");
            }

            var spec = new GridSpec(grid.Size, grid.PixelSize);
            ExportFormats formats = ExportFormatNames.Parse(string.Join(",", request.Formats ?? throw BadRequest(request, "formats is missing; give a list such as [\"bin\",\"png\"]")));
            GridLayers layers = GridLayerNames.Parse(string.Join(",", request.Layers ?? []));
            ExportLimits.Check(spec, formats, layers);
            return new ExportJob(seed, request.SeedText, spec, formats, layers, full, Deadline(request));
        }
        catch (IOException exception)
        {
            throw new EngineJobException(ErrorCodes.Io, $"{request.Op} request {request.Id}: {exception.Message}", exception);
        }
        catch (Exception exception) when (exception is ArgumentException or FormatException or NotSupportedException)
        {
            throw BadRequest(request, exception.Message);
        }
    }

    public static SampleJob Sample(Request request)
    {
        int seed = Seed(request);
        SampleArea area = Area(request);
        if (area.Count > ProtocolLimits.MaxSamplePoints)
        {
            throw BadRequest(request, $"{area.Count} points is over the limit of {ProtocolLimits.MaxSamplePoints} per sample; split the request");
        }

        return new SampleJob(seed, area, Fields(request), Deadline(request));
    }

    private static SampleArea Area(Request request)
    {
        if ((request.Points is null) == (request.Region is null))
        {
            throw BadRequest(request, "give exactly one of points (x0,z0,x1,z1,…) and region");
        }

        if (request.Points is { } points)
        {
            if (points.Length % 2 != 0 || points.Any(value => !double.IsFinite(value)))
            {
                throw BadRequest(request, "points must be finite x,z pairs");
            }

            return new SamplePoints(points);
        }

        RegionArgs region = request.Region!;
        if (!double.IsFinite(region.X) || !double.IsFinite(region.Z) || !double.IsFinite(region.Step) || region.Step <= 0
            || region.Columns < 1 || region.Rows < 1 || (long)region.Columns * region.Rows > ProtocolLimits.MaxSamplePoints)
        {
            throw BadRequest(
                request,
                $"region needs finite x, z, a positive step and 1 ≤ columns × rows ≤ {ProtocolLimits.MaxSamplePoints}");
        }

        return new SampleRegion(region.X, region.Z, region.Step, region.Columns, region.Rows);
    }

    private static SampleFields Fields(Request request)
    {
        SampleFields fields = SampleFields.None;
        foreach (string name in request.Fields ?? [])
        {
            (SampleFields field, string _) = JobWire.FieldNames.FirstOrDefault(entry => entry.Name == name);
            fields |= field != SampleFields.None
                ? field
                : throw BadRequest(request, $"field '{name}' is not one of {string.Join(", ", JobWire.FieldNames.Select(entry => entry.Name))}");
        }

        // Biome and height unless other fields are asked for (docs/protocol.md §5.5).
        return fields != SampleFields.None ? fields : SampleFields.Biome | SampleFields.Height;
    }

    private static EngineJobException BadRequest(Request request, string message) =>
        new(ErrorCodes.BadRequest, $"{request.Op} request {request.Id}: {message}");
}
