using System;
using System.Text;

namespace Vwe.Protocol;

/// <summary>
/// Strict UTF-8 check of a whole frame. System.Text.Json only checks the strings it converts, so invalid bytes
/// in a skipped unknown field would otherwise pass unnoticed; a frame is UTF-8 or it is malformed.
/// </summary>
internal static class Utf8Validation
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static unsafe void ThrowIfInvalid(ReadOnlySpan<byte> frame)
    {
        if (frame.IsEmpty)
        {
            return;
        }

        fixed (byte* bytes = frame)
        {
            try
            {
                // The pointer overload: netstandard2.0 has no span overload, and this copies nothing.
                Strict.GetCharCount(bytes, frame.Length);
            }
            catch (DecoderFallbackException exception)
            {
                throw new MalformedFrameException(
                    FormattableString.Invariant(
                        $"the frame {FrameText.Excerpt(frame)} is not valid UTF-8 (at byte {exception.Index}); send JSON text encoded as UTF-8"),
                    FrameIdProbe.Find(frame, isFinalBlock: true),
                    exception);
            }
        }
    }
}
