using System;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Vwe.Protocol;

/// <summary>
/// Requests and messages to and from the UTF-8 JSON of one frame, line end not included (docs/protocol.md §2):
/// camelCase names, null fields left out, unknown fields ignored. Reading applies every check
/// <see cref="FrameReader"/> applies.
/// </summary>
public static class ProtocolJson
{
    /// <summary>
    /// The default encoder escapes <c>+</c> (HTML-sensitive), which is in every base64 sample array; escaping it
    /// would grow answers by up to 8 % and break the arithmetic of <see cref="ProtocolLimits.MaxSamplePoints"/>.
    /// Frames are never embedded in HTML. Control characters are still escaped, so a frame never holds a raw
    /// line end.
    /// </summary>
    private static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;

    internal static ProtocolJsonContext Context { get; } = new(new JsonSerializerOptions
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = Encoder,
    });

    /// <summary>For writers the serializer is handed: they use their own options, not the context's.</summary>
    internal static JsonWriterOptions WriterOptions { get; } = new() { Encoder = Encoder };

    public static byte[] Serialize(Request request) => JsonSerializer.SerializeToUtf8Bytes(request, Context.Request);

    public static byte[] Serialize(Message message) => JsonSerializer.SerializeToUtf8Bytes(message, Context.Message);

    /// <summary>
    /// Reads one request. Throws <see cref="MalformedFrameException"/> for bytes that are not a UTF-8 JSON object,
    /// and a <see cref="ProtocolException"/> with <see cref="ErrorCodes.BadRequest"/> for an object that is not a
    /// request: a field of the wrong type, no id &gt; 0, no op.
    /// </summary>
    public static Request DeserializeRequest(ReadOnlySpan<byte> utf8Json) => FrameParser.ParseRequest(utf8Json);

    /// <summary>
    /// Reads one message. Throws <see cref="MalformedFrameException"/> for anything that is not a message: not a
    /// UTF-8 JSON object, a field of the wrong type, no type.
    /// </summary>
    public static Message DeserializeMessage(ReadOnlySpan<byte> utf8Json) => FrameParser.ParseMessage(utf8Json);
}
