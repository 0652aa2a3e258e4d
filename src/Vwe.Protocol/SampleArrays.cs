using System;
using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Vwe.Protocol;

/// <summary>
/// The arrays of a sample answer: base64 of little-endian uint16 (biome) or float32 (the others), on any machine
/// (docs/protocol.md §5.5). Floats are copied as bits, never converted, so every value comes back exactly, NaN
/// payloads and −0 included.
/// </summary>
public static class SampleArrays
{
    public static string EncodeUInt16(ReadOnlySpan<ushort> values)
    {
        var bytes = new byte[values.Length * sizeof(ushort)];
        for (int i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(i * sizeof(ushort)), values[i]);
        }

        return Convert.ToBase64String(bytes);
    }

    public static string EncodeSingle(ReadOnlySpan<float> values)
    {
        var bytes = new byte[values.Length * sizeof(float)];
        var bits = MemoryMarshal.Cast<float, uint>(values);
        for (int i = 0; i < bits.Length; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(i * sizeof(float)), bits[i]);
        }

        return Convert.ToBase64String(bytes);
    }

    /// <summary>Throws <see cref="MalformedFrameException"/> for text that is not base64 of whole uint16 values.</summary>
    public static ushort[] DecodeUInt16(string base64)
    {
        var bytes = Decode(base64, sizeof(ushort), "uint16");
        var values = new ushort[bytes.Length / sizeof(ushort)];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(i * sizeof(ushort)));
        }

        return values;
    }

    /// <summary>Throws <see cref="MalformedFrameException"/> for text that is not base64 of whole float32 values.</summary>
    public static float[] DecodeSingle(string base64)
    {
        var bytes = Decode(base64, sizeof(float), "float32");
        var values = new float[bytes.Length / sizeof(float)];
        var bits = MemoryMarshal.Cast<float, uint>(values.AsSpan());
        for (int i = 0; i < bits.Length; i++)
        {
            bits[i] = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(i * sizeof(float)));
        }

        return values;
    }

    private static byte[] Decode(string base64, int elementBytes, string elementName)
    {
        if (base64 is null)
        {
            throw new ArgumentNullException(nameof(base64));
        }

        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(base64);
        }
        catch (FormatException exception)
        {
            throw new MalformedFrameException(
                FormattableString.Invariant(
                    $"a sample array of {base64.Length} characters is not valid base64 ({exception.Message}); the engine must send standard base64 with padding"),
                requestId: null,
                exception);
        }

        if (bytes.Length % elementBytes != 0)
        {
            throw new MalformedFrameException(FormattableString.Invariant(
                $"a sample array of {bytes.Length} bytes is not a whole number of {elementBytes}-byte {elementName} values; the engine sent a cut-off or wrong-typed array"));
        }

        return bytes;
    }
}
