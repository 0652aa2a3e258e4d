using System.IO.Compression;
using System.Text.Json;

namespace Vwe.Cli.Tests;

/// <summary>The repository's tests/golden data (README there), found by walking up from the test assembly.</summary>
internal static class Golden
{
    public static string Directory { get; } = Find();

    public static JsonDocument World(string name)
    {
        using FileStream file = File.OpenRead(Path.Combine(Directory, "worlds", name + ".json.gz"));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        return JsonDocument.Parse(gzip);
    }

    /// <summary>The SHA-256 of a golden grid's uncompressed payload (grid.bin's bytes), from grids/index.json.</summary>
    public static string GridSha256(string file)
    {
        using JsonDocument index = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(Directory, "grids", "index.json")));
        return index.RootElement.GetProperty("grids").EnumerateArray()
            .Single(grid => grid.GetProperty("file").GetString() == file)
            .GetProperty("sha256OfUncompressedPayload").GetString()!;
    }

    /// <summary>Lower-case hex SHA-256 of a file.</summary>
    public static string Sha256(string path)
    {
        using FileStream file = File.OpenRead(path);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file));
    }

    /// <summary>A float32 bit pattern written as "0xXXXXXXXX".</summary>
    public static uint Bits(JsonElement element) =>
        Convert.ToUInt32(element.GetString(), 16);

    /// <summary>A float32 written as its shortest decimal: parse as double, then cast (golden README, Conventions).</summary>
    public static float Float(JsonElement element) => (float)element.GetDouble();

    private static string Find()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "golden");
            if (System.IO.Directory.Exists(Path.Combine(candidate, "worlds")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException($"tests/golden not found above {AppContext.BaseDirectory}");
    }
}
