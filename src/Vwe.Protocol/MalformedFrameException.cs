using System;

namespace Vwe.Protocol;

/// <summary>
/// A line that is not a UTF-8 JSON object (or a message that does not fit the <see cref="Message"/> shape, or a
/// sample array that is not what it says), or a stream that ended inside a frame. Code
/// <see cref="ErrorCodes.Malformed"/>. The reader has consumed the line; the next read starts at the next one.
/// </summary>
public sealed class MalformedFrameException : ProtocolException
{
    public MalformedFrameException(string message, long? requestId = null, Exception? innerException = null)
        : base(ErrorCodes.Malformed, message, requestId, innerException)
    {
    }

    public MalformedFrameException()
        : this("a frame is not a UTF-8 JSON object on one line")
    {
    }

    public MalformedFrameException(string message)
        : this(message, null, null)
    {
    }

    public MalformedFrameException(string message, Exception innerException)
        : this(message, null, innerException)
    {
    }
}
