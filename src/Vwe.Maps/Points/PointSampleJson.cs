using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vwe.Maps.Points;

/// <summary>
/// Source-generated (reflection-free) JSON for <see cref="PointSample"/>: compact, one object per line, no
/// named float literals (the generator gives finite values for finite input, so NaN would be a bug and throws).
/// The service can add this context to its resolver chain to return the same schema.
/// </summary>
[JsonSourceGenerationOptions(WriteIndented = false)]
[JsonSerializable(typeof(PointSample))]
public sealed partial class PointSampleJson : JsonSerializerContext
{
    /// <summary>One sample as one line of JSON (no line break).</summary>
    public static string Line(PointSample sample) => JsonSerializer.Serialize(sample, Default.PointSample);
}
