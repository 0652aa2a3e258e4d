using System.Buffers.Binary;
using System.Text;

namespace Vwe.GameFiles.Worlds;

/// <summary>
/// Reads the primitives of the game's <c>ZPackage</c> (a .NET <c>BinaryWriter</c> stream: little-endian numbers,
/// strings as a 7-bit-encoded UTF-8 byte count then the bytes) from a byte span, naming the field and the file when
/// the bytes run out or are not valid, instead of returning garbage.
/// </summary>
internal ref struct PackageReader(ReadOnlySpan<byte> package, string fileName)
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly ReadOnlySpan<byte> package = package;
    private readonly string fileName = fileName;

    public int Position { get; private set; }

    public readonly int Remaining => package.Length - Position;

    /// <summary>The world version once read, so a later error can say which layout was being read.</summary>
    public int? Version { get; set; }

    public int ReadInt32(string field) => BinaryPrimitives.ReadInt32LittleEndian(Take(4, field));

    public long ReadInt64(string field) => BinaryPrimitives.ReadInt64LittleEndian(Take(8, field));

    public bool ReadBool(string field)
    {
        byte value = Take(1, field)[0];
        return value switch
        {
            0 => false,
            1 => true,
            _ => throw Corrupt($"its {field} is the byte {value}, not a boolean (0 or 1)"),
        };
    }

    public string ReadString(string field)
    {
        int start = Position;
        int length = Read7BitLength(field);
        ReadOnlySpan<byte> bytes = Take(length, field);
        try
        {
            return StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            Position = start;
            throw Corrupt($"its {field} is not valid UTF-8 text");
        }
    }

    /// <summary>A count of list items; each item takes at least <paramref name="minItemBytes"/>, so a count the rest cannot hold is reported here.</summary>
    public int ReadCount(string field, int minItemBytes)
    {
        int count = ReadInt32(field);
        if (count < 0 || (long)count * minItemBytes > Remaining)
        {
            throw Corrupt($"its {field} is {count}, more than the {Remaining} bytes after it can hold");
        }

        return count;
    }

    public readonly GameFileException Corrupt(string what) =>
        new($"'{fileName}' is not a readable Valheim world file{VersionPart}: {what} (package byte {Position}). " +
            "Give the world's .fwl or .fwl2 file as the game wrote it.");

    private readonly string VersionPart => Version is { } version ? $" (world version {version})" : "";

    // BinaryWriter.Write7BitEncodedInt: 7 bits per byte, low group first, high bit = more; at most 5 bytes for an int.
    private int Read7BitLength(string field)
    {
        uint value = 0;
        for (int shift = 0; shift < 35; shift += 7)
        {
            byte next = Take(1, field)[0];
            value |= (uint)(next & 0x7F) << shift;
            if ((next & 0x80) == 0)
            {
                return value <= int.MaxValue ? (int)value : throw Corrupt($"its {field} claims {value} bytes");
            }
        }

        throw Corrupt($"the length of its {field} runs past 5 bytes");
    }

    private ReadOnlySpan<byte> Take(int count, string field)
    {
        if (count > Remaining)
        {
            throw Truncated(field, count);
        }

        ReadOnlySpan<byte> bytes = package.Slice(Position, count);
        Position += count;
        return bytes;
    }

    private readonly GameFileException Truncated(string field, int count) =>
        new($"'{fileName}' is truncated{VersionPart}: its {field} needs {count} bytes at package byte {Position} " +
            $"but only {Remaining} remain. The file was cut short (an interrupted copy or save); use the game's backup of it.");
}
