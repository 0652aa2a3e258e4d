using System;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Vwe.Protocol;

/// <summary>
/// One frame's bytes (line end removed) to a checked <see cref="Request"/> or <see cref="Message"/>, or the
/// <see cref="ProtocolException"/> an engine answers it with (docs/protocol.md §2, §7). The rule: bytes that are
/// not a UTF-8 JSON object are malformed; an object that does not bind is a bad request when it came from a
/// client (the client sent it, the stream is fine) and malformed when it came from an engine (a broken engine).
/// </summary>
internal static class FrameParser
{
    public static Request ParseRequest(ReadOnlySpan<byte> frame)
    {
        var request = Parse(frame, ProtocolJson.Context.Request, isRequest: true);
        if (request.Id <= 0)
        {
            string problem = request.Id == 0 ? "has no \"id\"" : FormattableString.Invariant($"has id {request.Id}");
            throw new ProtocolException(
                ErrorCodes.BadRequest,
                $"the request {FrameText.Excerpt(frame)} {problem}; give every request an \"id\" > 0, unique among the requests in flight",
                requestId: null);
        }

        if (request.Op.Length == 0)
        {
            throw new ProtocolException(
                ErrorCodes.BadRequest,
                FormattableString.Invariant($"request {request.Id} has no \"op\"; give one of {string.Join(", ", Ops.All)}"),
                request.Id);
        }

        return request;
    }

    public static Message ParseMessage(ReadOnlySpan<byte> frame)
    {
        var message = Parse(frame, ProtocolJson.Context.Message, isRequest: false);
        if (message.Type.Length == 0)
        {
            throw new MalformedFrameException(
                $"the engine sent {FrameText.Excerpt(frame)} without a \"type\"; an engine must tag every frame with one of hello, result, error, progress, state",
                message.Id);
        }

        return message;
    }

    private static T Parse<T>(ReadOnlySpan<byte> frame, JsonTypeInfo<T> typeInfo, bool isRequest)
        where T : class
    {
        Utf8Validation.ThrowIfInvalid(frame);
        T? value;
        try
        {
            value = JsonSerializer.Deserialize(frame, typeInfo);
        }
        catch (JsonException exception)
        {
            throw Refusal(frame, exception, isRequest);
        }

        return value ?? throw new MalformedFrameException(
            "the frame is JSON null, not an object; send one JSON object per line");
    }

    private static ProtocolException Refusal(ReadOnlySpan<byte> frame, JsonException exception, bool isRequest)
    {
        long? id = FrameIdProbe.Find(frame, isFinalBlock: true);
        string? shapeProblem = JsonShape.Problem(frame);
        if (shapeProblem is not null)
        {
            return new MalformedFrameException(
                $"the frame {FrameText.Excerpt(frame)} is {shapeProblem}; send one JSON object per line", id, exception);
        }

        string path = exception.Path ?? "$";
        return isRequest
            ? new ProtocolException(
                ErrorCodes.BadRequest,
                $"the request {FrameText.Excerpt(frame)} has a value of the wrong type or range at {path} ({exception.Message}); docs/protocol.md §5 lists each op's fields and types",
                id,
                exception)
            : new MalformedFrameException(
                $"the engine sent {FrameText.Excerpt(frame)}, which has a value of the wrong type or range at {path} ({exception.Message})",
                id,
                exception);
    }
}
