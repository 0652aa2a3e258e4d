namespace Vwe.Protocol;

/// <summary>The <c>code</c> of an error message (docs/protocol.md §7). Codes are permanent.</summary>
public static class ErrorCodes
{
    /// <summary>A required field is missing, a field has the wrong type, or a value is out of range.</summary>
    public const string BadRequest = "bad-request";

    /// <summary>The op is not one this engine knows.</summary>
    public const string UnknownOp = "unknown-op";

    /// <summary>The client's hello asked for a protocol version the engine does not speak.</summary>
    public const string UnsupportedProtocol = "unsupported-protocol";

    /// <summary>A frame was longer than <see cref="ProtocolLimits.MaxFrameBytes"/>; it was skipped.</summary>
    public const string FrameTooLarge = "frame-too-large";

    /// <summary>A line was not a UTF-8 JSON object, or the stream ended inside one.</summary>
    public const string Malformed = "malformed";

    /// <summary>A job is already running on this engine.</summary>
    public const string Busy = "busy";

    /// <summary>Reading or writing files for the request failed, e.g. an output folder that cannot be written.</summary>
    public const string Io = "io";

    /// <summary>The job was cancelled by a <c>cancel</c> request.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>The job ran past the request's <c>deadlineMs</c>.</summary>
    public const string DeadlineExceeded = "deadline-exceeded";

    /// <summary>The engine failed in a way the request did not cause.</summary>
    public const string Internal = "internal";

    /// <summary>
    /// Whether <paramref name="code"/> says the request itself was bad or could not be done, so sending it to
    /// another engine would fail the same way: such an error is not retried elsewhere. Every other code,
    /// unknown ones included, says something about this engine or this connection (it is busy, broken, or
    /// its byte stream is in doubt), and the request may be retried on another engine.
    /// </summary>
    public static bool IsJobError(string? code) =>
        code is BadRequest or UnknownOp or UnsupportedProtocol or Io or Cancelled or DeadlineExceeded;
}
