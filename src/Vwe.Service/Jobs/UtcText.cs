using System.Globalization;

namespace Vwe.Service.Jobs;

/// <summary>UTC times as stored in jobs.db: ISO 8601 with 7 fractional digits and Z, so text order is time order.</summary>
internal static class UtcText
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string Write(DateTime utc) => utc.ToUniversalTime().ToString(Format, CultureInfo.InvariantCulture);

    public static string? Write(DateTime? utc) => utc is { } value ? Write(value) : null;

    public static DateTime Read(string text) =>
        DateTime.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    public static DateTime? ReadOptional(string? text) => text is null ? null : Read(text);
}
