using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Vwe.Maps.Export;
using Vwe.Maps.Grid;
using Vwe.Service.Jobs;
using Vwe.WorldGen;

namespace Vwe.Service.Api;

/// <summary>
/// Reads and checks the body of <c>POST /api/v1/worlds</c>. Everything is checked before anything is stored; each
/// problem is one sentence naming the field, the limit and what to give instead.
/// </summary>
internal static class WorldRequestReader
{
    /// <summary>Longest seed text, in UTF-16 code units (as <c>vwe generate</c>).</summary>
    public const int MaxSeedLength = 4096;

    public const int MinSize = 16;

    public const int MaxSize = 8192;

    public const double MinPixelSize = 0.01;

    public const double MaxPixelSize = 1000;

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        // A misspelt field ("seedint", "format") would otherwise be dropped silently and the default used.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        NumberHandling = JsonNumberHandling.Strict,
        PropertyNameCaseInsensitive = false,

        // {"seed":"a","seed":"b"} is as ambiguous as seed and seedInt together: refused, not resolved by the last one.
        AllowDuplicateProperties = false,
    };

    /// <summary>The serializer's message in the request's terms: its .NET type names mean nothing to a client.</summary>
    private static string Plain(string message) => message
        .Replace($"type '{typeof(WorldRequestBody).FullName}'", "a world request", StringComparison.Ordinal)
        .Replace(typeof(WorldRequestBody).FullName!, "a world request", StringComparison.Ordinal)
        .Replace("System.Nullable`1[System.Int64]", "an integer", StringComparison.Ordinal)
        .Replace("System.Nullable`1[System.Int32]", "an integer", StringComparison.Ordinal)
        .Replace("System.Nullable`1[System.Double]", "a number", StringComparison.Ordinal)
        .Replace("System.String[]", "an array of names", StringComparison.Ordinal)
        .Replace("System.String", "text", StringComparison.Ordinal)
        .Replace(".NET member", "field", StringComparison.Ordinal);

    /// <summary>The request as a <see cref="WorldSpec"/>, or the 400/413 problem that says why not.</summary>
    public static async Task<(WorldSpec? World, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        WorldRequestBody? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<WorldRequestBody>(request.Body, Options, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException exception)
        {
            return (null, Problems.BadRequest($"the body is not a valid world request: {Plain(exception.Message)} Send JSON such as {{\"seed\":\"hnLycKKCMI\"}} or {{\"seedInt\":1706363555,\"size\":512,\"formats\":[\"bin\",\"png\"]}}."));
        }
        catch (BadHttpRequestException exception)
        {
            return (null, Problems.Make(exception.StatusCode, exception.StatusCode == StatusCodes.Status413PayloadTooLarge ? "Request body too large" : "Bad request", exception.Message));
        }

        if (body is null)
        {
            return (null, Problems.BadRequest("the body is JSON null; send an object such as {\"seed\":\"hnLycKKCMI\"}."));
        }

        try
        {
            return (Check(body), null);
        }
        catch (FormatException exception)
        {
            return (null, Problems.BadRequest(exception.Message));
        }
    }

    /// <summary>Throws <see cref="FormatException"/> with the problem.</summary>
    public static WorldSpec Check(WorldRequestBody body)
    {
        ArgumentNullException.ThrowIfNull(body);
        (int seed, string? text) = Seed(body);
        GridSpec grid = Grid(body);
        ExportFormats formats = Formats(body.Formats);
        GridLayers layers = Layers(body.Layers);
        if (layers != GridLayers.None && !formats.HasFlag(ExportFormats.Bin))
        {
            throw new FormatException("layers are written only as .bin files and formats has no \"bin\"; add \"bin\" to formats or drop layers.");
        }

        if (formats.HasFlag(ExportFormats.Json) && grid.Size > ExportLimits.MaxJsonSize)
        {
            throw Invalid($"size {grid.Size} is too large for the json format (up to {ExportLimits.MaxJsonSize}: the JSON writers hold the grid in memory); drop \"json\" or give size {ExportLimits.MaxJsonSize} or less.");
        }

        // The exporter's own check, in case it knows a limit this one does not.
        try
        {
            ExportLimits.Check(grid, formats, layers);
        }
        catch (NotSupportedException exception)
        {
            throw new FormatException(exception.Message, exception);
        }

        return new WorldSpec(seed, text, grid, formats, layers);
    }

    private static (int Seed, string? Text) Seed(WorldRequestBody body)
    {
        switch (body.Seed, body.SeedInt)
        {
            case (not null, not null):
                throw new FormatException("both seed and seedInt are given; give one: seed (the text typed in the game) or seedInt (the world's int seed).");
            case (null, null):
                throw new FormatException("no seed: give seed (the text typed in the game, e.g. \"hnLycKKCMI\") or seedInt (the world's int seed, e.g. 1706363555).");
            case ({ } text, null):
                if (text.Length > MaxSeedLength)
                {
                    throw Invalid($"seed is {text.Length} UTF-16 code units long; the limit is {MaxSeedLength}. Give a shorter text, or the int seed as seedInt.");
                }

                return (StableHash.WorldSeed(text), text);
            default:
                long value = body.SeedInt!.Value;
                return value is >= int.MinValue and <= int.MaxValue
                    ? ((int)value, null)
                    : throw Invalid($"seedInt {value} is outside the int range -2147483648..2147483647.");
        }
    }

    private static GridSpec Grid(WorldRequestBody body)
    {
        int size = body.Size ?? GridSpec.Minimap.Size;
        if (size is < MinSize or > MaxSize)
        {
            throw Invalid($"size {size} is outside {MinSize}..{MaxSize}; give e.g. 512, or {GridSpec.Minimap.Size} for the game's minimap.");
        }

        double pixelSize = body.PixelSize ?? GridSpec.Minimap.PixelSize;
        if (!(pixelSize is >= MinPixelSize and <= MaxPixelSize))
        {
            throw Invalid($"pixelSize {pixelSize:R} is outside {MinPixelSize}..{MaxPixelSize} metres; give e.g. 12 (the game's minimap) or 48.");
        }

        return new GridSpec(size, pixelSize);
    }

    private static ExportFormats Formats(string[]? names)
    {
        if (names is null)
        {
            return ExportFormats.Bin;
        }

        if (names.Length == 0)
        {
            throw new FormatException($"formats is empty; give one or more of {Known(ExportFormatNames.All.Select(entry => entry.Name))}, or leave it out for [\"bin\"].");
        }

        return names.Aggregate(ExportFormats.None, (all, name) => all | Lookup(ExportFormatNames.All, name, "format"));
    }

    private static GridLayers Layers(string[]? names) =>
        (names ?? []).Aggregate(GridLayers.None, (all, name) => all | Lookup(GridLayerNames.All, name, "layer"));

    private static T Lookup<T>(IReadOnlyList<(T Value, string Name)> known, string? name, string what)
    {
        foreach ((T value, string knownName) in known)
        {
            if (knownName == name)
            {
                return value;
            }
        }

        throw new FormatException($"unknown {what} '{name}'; give one or more of {Known(known.Select(entry => entry.Name))}.");
    }

    private static string Known(IEnumerable<string> names) => string.Join(", ", names.Select(name => $"\"{name}\""));

    private static FormatException Invalid(FormattableString message) => new(message.ToString(CultureInfo.InvariantCulture));
}
