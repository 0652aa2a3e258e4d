using System.IO.Compression;
using System.Text.Json;

namespace Vwe.Tests.Golden;

/// <summary>
/// Reads the golden reference data in <c>tests/golden</c> (layout: <c>tests/golden/README.md</c>). The folder is
/// found from the test assembly by walking up to the repository root (the folder holding the <c>.slnx</c>), so the
/// tests read the committed files, never a copy in the build output. <c>.gz</c> files are gunzipped on the fly.
/// </summary>
internal static class GoldenData
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNameCaseInsensitive = true,
        // A renamed or missing field must fail loudly, not read as 0.
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
    };

    private static readonly Lazy<string> Root = new(FindGoldenDirectory);

    /// <summary>The absolute path of <c>tests/golden</c>.</summary>
    public static string Directory => Root.Value;

    public static string PathOf(string relativePath) => Path.Combine(Directory, relativePath);

    /// <summary>Opens a golden file; a <c>.gz</c> file is decompressed as it is read.</summary>
    public static Stream Open(string relativePath)
    {
        string path = PathOf(relativePath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"golden file '{relativePath}' is missing from {Directory}; restore it from git (tests/golden is committed data)",
                path);
        }

        Stream file = File.OpenRead(path);
        return path.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    /// <summary>The whole (decompressed) content of a golden file.</summary>
    public static byte[] ReadBytes(string relativePath)
    {
        using Stream stream = Open(relativePath);
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>Deserialises a golden JSON file into <typeparamref name="T"/> (field names matched case-insensitively).</summary>
    public static T Read<T>(string relativePath)
    {
        using Stream stream = Open(relativePath);
        return JsonSerializer.Deserialize<T>(stream, Options)
            ?? throw new InvalidDataException($"golden file '{relativePath}' holds JSON null");
    }

    /// <summary>Parses a golden JSON file for fields read by name (files whose field set varies).</summary>
    public static JsonDocument ReadDocument(string relativePath)
    {
        using Stream stream = Open(relativePath);
        return JsonDocument.Parse(stream);
    }

    /// <summary>The SHA-256 of a golden grid's uncompressed payload (grid.bin's bytes), from grids/index.json.</summary>
    public static string GridSha256(string file)
    {
        using JsonDocument index = ReadDocument("grids/index.json");
        return index.RootElement.GetProperty("grids").EnumerateArray()
            .Single(grid => grid.GetProperty("file").GetString() == file)
            .GetProperty("sha256OfUncompressedPayload").GetString()!;
    }

    /// <summary>Lower-case hex SHA-256 of a file, as grids/index.json and manifest.json write it.</summary>
    public static string Sha256(string path)
    {
        using FileStream file = File.OpenRead(path);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file));
    }

    private static string FindGoldenDirectory()
    {
        string golden = Path.Combine(RepositoryRoot.Path, "tests", "golden");
        return System.IO.Directory.Exists(golden)
            ? golden
            : throw new DirectoryNotFoundException(
                $"the repository root {RepositoryRoot.Path} has no tests/golden folder; restore it from git");
    }
}
