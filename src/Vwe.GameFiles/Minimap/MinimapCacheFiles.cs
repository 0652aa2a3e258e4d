using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;
using Vwe.GameFiles.Worlds;

namespace Vwe.GameFiles.Minimap;

/// <summary>
/// The minimap cache files in a world's folder (<c>worlds_local/NAME/</c>), named without extension as the game names
/// them: <c>cacheMinimapBiome</c> (gzip of RGBA bytes per pixel), <c>cacheMinimapHeight</c> (gzip of little-endian
/// binary16 per pixel) and <c>cacheMinimapMeta</c> (8 raw bytes: int32 seed, int32 cache version 1). Layout and
/// provenance: docs/game-files.md.
/// </summary>
public static class MinimapCacheFiles
{
    public const string BiomeFileName = "cacheMinimapBiome";
    public const string HeightFileName = "cacheMinimapHeight";
    public const string MetaFileName = "cacheMinimapMeta";

    /// <summary>The biggest inflated buffer accepted: 4 bytes × 2048², what the game writes. A bigger one is refused unread.</summary>
    private const int MaxInflatedBytes = 4 * 2048 * 2048;

    public static MinimapCache Read(string worldFolder)
    {
        ArgumentNullException.ThrowIfNull(worldFolder);
        if (!Directory.Exists(worldFolder))
        {
            throw new GameFileException(
                $"'{worldFolder}' is not a folder; give the world's folder under worlds_local (the one holding {MetaFileName}).");
        }

        string metaPath = Path.Combine(worldFolder, MetaFileName);
        string biomePath = Path.Combine(worldFolder, BiomeFileName);
        string heightPath = Path.Combine(worldFolder, HeightFileName);
        string[] missing = [.. new[] { metaPath, biomePath, heightPath }.Where(path => !File.Exists(path)).Select(Path.GetFileName).OfType<string>()];
        if (missing.Length > 0)
        {
            throw new GameFileException(
                $"'{worldFolder}' has no {string.Join(", ", missing)}: the game writes its minimap cache when a player loads the world. " +
                "Load the world once in the game, then run this again.");
        }

        (int seed, int version) = ReadMeta(metaPath);
        byte[] colors = Inflate(biomePath);
        byte[] heightBytes = Inflate(heightPath);
        if (colors.Length == 0 || colors.Length % 4 != 0 || !IsSquare(colors.Length / 4, out int size))
        {
            throw new GameFileException(
                $"'{biomePath}' inflates to {colors.Length} bytes, not 4 per pixel of a square map; the cache is damaged. Delete the cache files and load the world in the game again.");
        }

        if (heightBytes.Length != colors.Length / 2)
        {
            throw new GameFileException(
                $"'{heightPath}' inflates to {heightBytes.Length} bytes where a {size}² map has {colors.Length / 2}; the cache is damaged. " +
                "Delete the cache files and load the world in the game again.");
        }

        ushort[] heights = MemoryMarshal.Cast<byte, ushort>(heightBytes).ToArray();
        if (!BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(heights, heights);
        }

        return new MinimapCache(seed, version, size, colors, heights);
    }

    /// <summary>Writes the three files the way the game does (each atomically); the mask file is not written.</summary>
    public static void Write(string worldFolder, MinimapCache cache)
    {
        ArgumentNullException.ThrowIfNull(worldFolder);
        ArgumentNullException.ThrowIfNull(cache);
        var meta = new byte[8];
        BinaryPrimitives.WriteInt32LittleEndian(meta, cache.Seed);
        BinaryPrimitives.WriteInt32LittleEndian(meta.AsSpan(4), cache.Version);

        ushort[] heights = cache.Heights;
        if (!BitConverter.IsLittleEndian)
        {
            heights = [.. heights];
            BinaryPrimitives.ReverseEndianness(heights, heights);
        }

        AtomicFile.Write(Path.Combine(worldFolder, BiomeFileName), Deflate(cache.BiomeColors), overwrite: true);
        AtomicFile.Write(Path.Combine(worldFolder, HeightFileName), Deflate(MemoryMarshal.AsBytes(heights.AsSpan())), overwrite: true);
        AtomicFile.Write(Path.Combine(worldFolder, MetaFileName), meta, overwrite: true);
    }

    private static (int Seed, int Version) ReadMeta(string path)
    {
        var meta = new byte[9]; // one more than the game writes, to see a longer file
        int length;
        using (FileStream file = OpenShared(path))
        {
            length = file.ReadAtLeast(meta, meta.Length, throwOnEndOfStream: false);
        }

        if (length != 8)
        {
            throw new GameFileException(
                $"'{path}' is {(length > 8 ? "more than 8" : length.ToString(System.Globalization.CultureInfo.InvariantCulture))} bytes; the game writes 8 (seed, cache version). Delete the cache files and load the world in the game again.");
        }

        return (BinaryPrimitives.ReadInt32LittleEndian(meta), BinaryPrimitives.ReadInt32LittleEndian(meta.AsSpan(4)));
    }

    /// <summary>
    /// Opens a cache file for reading while the game may hold it open or replace it (a running game, Steam Cloud):
    /// a file that cannot be read is the user's to fix, named here, not an output error.
    /// </summary>
    private static FileStream OpenShared(string path)
    {
        try
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new GameFileException($"'{path}' cannot be read ({exception.Message}); close the game or copy the world folder, then try again.", exception);
        }
    }

    private static byte[] Inflate(string path)
    {
        try
        {
            using FileStream file = OpenShared(path);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var inflated = new MemoryStream();
            var buffer = new byte[1 << 16];
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                if (inflated.Length + read > MaxInflatedBytes)
                {
                    throw new GameFileException(
                        $"'{path}' inflates to more than {MaxInflatedBytes} bytes, more than a 2048² minimap; it is not the game's cache.");
                }

                inflated.Write(buffer, 0, read);
            }

            return inflated.ToArray();
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException)
        {
            throw new GameFileException(
                $"'{path}' is not a complete gzip stream ({exception.Message}); the cache is damaged. Delete the cache files and load the world in the game again.",
                exception);
        }
    }

    private static byte[] Deflate(ReadOnlySpan<byte> bytes)
    {
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return compressed.ToArray();
    }

    private static bool IsSquare(int pixels, out int size)
    {
        size = (int)Math.Round(Math.Sqrt(pixels));
        return (long)size * size == pixels;
    }
}
