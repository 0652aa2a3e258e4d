using System.IO.Compression;
using System.Text.Json;

namespace Vwe.Maps.Tests.Export.Support;

/// <summary>
/// Committed files of the repository (tests/golden, docs), found by walking up from the test assembly to the
/// folder that holds the .slnx, so tests read what is in git, never a copy in the build output.
/// </summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string PathOf(string relativePath) => Path.Combine(Root.Value, relativePath);

    /// <summary>The bytes of a committed file; a .gz file is decompressed.</summary>
    public static byte[] ReadBytes(string relativePath)
    {
        string path = PathOf(relativePath);
        using Stream file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.Ordinal)
            ? new GZipStream(file, CompressionMode.Decompress)
            : file;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    public static JsonDocument ReadJson(string relativePath) => JsonDocument.Parse(ReadBytes(relativePath));

    private static string FindRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (folder.EnumerateFiles("*.slnx").Any())
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no folder above {AppContext.BaseDirectory} holds a .slnx; run the tests from the repository");
    }
}
