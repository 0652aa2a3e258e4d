using System;

namespace Vwe.Protocol;

/// <summary>
/// A frame longer than <see cref="ProtocolLimits.MaxFrameBytes"/>. Code <see cref="ErrorCodes.FrameTooLarge"/>.
/// A reader throws it after skipping the whole line (the next read starts at the next one); a writer throws it
/// instead of writing anything.
/// </summary>
public sealed class FrameTooLargeException : ProtocolException
{
    public FrameTooLargeException(string message, long frameBytes, long? requestId = null)
        : base(ErrorCodes.FrameTooLarge, message, requestId)
    {
        FrameBytes = frameBytes;
    }

    public FrameTooLargeException()
        : this(FormattableString.Invariant($"a frame is over the limit of {ProtocolLimits.MaxFrameBytes} bytes"), 0)
    {
    }

    public FrameTooLargeException(string message)
        : this(message, 0)
    {
    }

    public FrameTooLargeException(string message, Exception innerException)
        : base(ErrorCodes.FrameTooLarge, message, null, innerException)
    {
    }

    /// <summary>The frame's length in bytes, line end not counted (0 when not known).</summary>
    public long FrameBytes { get; }
}
