using System.Globalization;
using System.Text.Json;
using Vwe.GameFiles.Minimap;
using Vwe.GameFiles.Verify;

namespace Vwe.Cli;

/// <summary>The <c>vwe verify</c> report as text (a table per biome, heights, the first differing pixels) or as one JSON object.</summary>
internal static class VerifyReportText
{
    public static void Write(string worldFolder, VerifyReport report, TextWriter output)
    {
        output.WriteLine(Invariant($"{worldFolder}: seed {report.Seed}, {report.Size} × {report.Size} pixels of {report.PixelSize} m"));
        output.WriteLine(Invariant($"{"biome (vwe)",-12} {"pixels",10} {"matching",10} {"differing",10}"));
        foreach (BiomeAgreement biome in report.Biomes)
        {
            output.WriteLine(Invariant($"{biome.Biome,-12} {biome.Pixels,10} {biome.Matching,10} {biome.Differing,10}"));
        }

        output.WriteLine(Invariant($"{"heights",-12} {report.PixelCount,10} {report.HeightsMatching,10} {report.HeightsDiffering,10}   (binary16, ties away from zero)"));
        output.WriteLine(report.Agrees
            ? Invariant($"agree: all {report.PixelCount} pixels (biome colour and binary16 height)")
            : Invariant($"DIFFER: {report.PixelsDiffering} of {report.PixelCount} pixels ({report.BiomePixelsDiffering} biome, {report.HeightsDiffering} height)"));
        foreach (PixelDifference pixel in report.FirstDifferences)
        {
            output.WriteLine(Invariant($"  row {pixel.Row}, column {pixel.Column} (x {pixel.X:R}, z {pixel.Z:R}):{Describe(pixel)}"));
        }
    }

    public static string Json(string worldFolder, VerifyReport report) => JsonSerializer.Serialize(new
    {
        worldFolder,
        seed = report.Seed,
        size = report.Size,
        pixelSize = report.PixelSize,
        agrees = report.Agrees,
        pixelsDiffering = report.PixelsDiffering,
        biomes = report.Biomes.Select(b => new { biome = b.Biome.ToString(), pixels = b.Pixels, matching = b.Matching, differing = b.Differing }),
        heights = new { matching = report.HeightsMatching, differing = report.HeightsDiffering },
        firstDifferences = report.FirstDifferences.Select(d => new
        {
            row = d.Row,
            column = d.Column,
            x = d.X,
            z = d.Z,
            biome = d.Biome is { } b ? new { vwe = b.Computed.ToString(), vweColor = Hex(b.ExpectedColor), cache = MinimapColors.Describe(b.CacheColor), cacheColor = Hex(b.CacheColor) } : null,
            height = d.Height is { } h ? new { vwe = h.ExpectedValue, vweHalf = HalfHex(h.ExpectedHalf), vweFloat = h.ComputedHeight, cache = h.CacheValue, cacheHalf = HalfHex(h.CacheHalf) } : null,
        }),
    });

    private static string Describe(PixelDifference pixel)
    {
        string text = "";
        if (pixel.Biome is { } biome)
        {
            text += Invariant($" biome vwe {biome.Computed} (#{biome.ExpectedColor:X8}), cache {MinimapColors.Describe(biome.CacheColor)} (#{biome.CacheColor:X8});");
        }

        if (pixel.Height is { } height)
        {
            text += Invariant($" height vwe {height.ExpectedValue:R} m ({HalfHex(height.ExpectedHalf)}, float {height.ComputedHeight:R}), cache {height.CacheValue:R} m ({HalfHex(height.CacheHalf)});");
        }

        return text.TrimEnd(';');
    }

    private static string Hex(uint rgba) => $"#{rgba:X8}";

    private static string HalfHex(ushort half) => $"0x{half:X4}";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
