namespace Vwe.Protocol;

/// <summary>Bounds both sides keep (docs/protocol.md §2). An engine advertises its own in its hello frame.</summary>
public static class ProtocolLimits
{
    /// <summary>
    /// The most bytes one frame may hold, not counting its line end. Readers skip and report a longer line;
    /// writers refuse to send one.
    /// </summary>
    public const int MaxFrameBytes = 1_048_576;

    /// <summary>
    /// The most points one sample request may ask for. The largest power of two for which both the longest
    /// possible points request (every coordinate written with 17 significant digits and an exponent) and the
    /// answer with all five fields fit in <see cref="MaxFrameBytes"/>; ProtocolLimitsTests checks both.
    /// </summary>
    public const int MaxSamplePoints = 16_384;
}
