using System;
using System.Text.Json;

namespace Vwe.Protocol;

/// <summary>Tells malformed bytes from a well-formed object that did not bind, once deserialization has failed.</summary>
internal static class JsonShape
{
    /// <summary>Null when <paramref name="frame"/> is one well-formed JSON object; else what it is instead.</summary>
    public static string? Problem(ReadOnlySpan<byte> frame)
    {
        var reader = new Utf8JsonReader(frame);
        try
        {
            if (!reader.Read())
            {
                return "empty";
            }

            var first = reader.TokenType;
            reader.Skip();
            while (reader.Read())
            {
                // Utf8JsonReader refuses a second top-level value itself; this only keeps the loop honest.
            }

            return first switch
            {
                JsonTokenType.StartObject => null,
                JsonTokenType.StartArray => "a JSON array, not an object",
                JsonTokenType.String => "a JSON string, not an object",
                JsonTokenType.Number => "a JSON number, not an object",
                JsonTokenType.True or JsonTokenType.False => "a JSON boolean, not an object",
                _ => "JSON null, not an object",
            };
        }
        catch (JsonException exception)
        {
            return $"not valid JSON ({exception.Message})";
        }
    }
}
