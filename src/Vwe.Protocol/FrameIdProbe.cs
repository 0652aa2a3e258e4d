using System;
using System.Text.Json;

namespace Vwe.Protocol;

/// <summary>
/// Finds the top-level <c>"id"</c> of a frame that cannot be read as a whole (malformed, too large, cut off), so
/// the error answering it can still name the request: a client then fails that request instead of waiting for
/// it. Looks only at what comes before the first problem.
/// </summary>
internal static class FrameIdProbe
{
    /// <summary>The id, when the bytes start as a JSON object with a top-level integer "id" &gt; 0 before anything breaks.</summary>
    public static long? Find(ReadOnlySpan<byte> json, bool isFinalBlock)
    {
        var reader = new Utf8JsonReader(json, isFinalBlock, default);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool isId = reader.ValueTextEquals("id"u8);
                if (!reader.Read())
                {
                    return null;
                }

                if (isId)
                {
                    return reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out long id) && id > 0 ? id : null;
                }

                if (!reader.TrySkip())
                {
                    return null;
                }
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
