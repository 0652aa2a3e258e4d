using System;

namespace Vwe.Protocol;

/// <summary>
/// A frame or request the protocol refuses, with the <see cref="Code"/> (<see cref="ErrorCodes"/>) an engine
/// answers it with and, when it could be read, the <see cref="RequestId"/> of the request concerned. An engine
/// answers one with <see cref="Message.Error(ProtocolException)"/> and goes on reading.
/// </summary>
public class ProtocolException : Exception
{
    public ProtocolException(string code, string message, long? requestId = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Code = code ?? throw new ArgumentNullException(nameof(code));
        RequestId = requestId;
    }

    public ProtocolException()
        : this(ErrorCodes.Internal, "the control protocol refused a frame")
    {
    }

    public ProtocolException(string message)
        : this(ErrorCodes.Internal, message)
    {
    }

    public ProtocolException(string message, Exception innerException)
        : this(ErrorCodes.Internal, message, null, innerException)
    {
    }

    /// <summary>One of <see cref="ErrorCodes"/>.</summary>
    public string Code { get; }

    /// <summary>The id of the request concerned, when the frame's id could be read.</summary>
    public long? RequestId { get; }
}
