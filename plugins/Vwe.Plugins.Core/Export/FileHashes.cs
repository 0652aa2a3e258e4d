using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using Vwe.Protocol;

namespace Vwe.Plugins.Core.Export;

/// <summary>The <c>files</c> entries of manifests and export answers: size and lower-case hex SHA-256 of a file as it is on disk.</summary>
internal static class FileHashes
{
    public static FileEntry Describe(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        using SHA256 sha = SHA256.Create();
        byte[] digest = sha.ComputeHash(file);
        var hex = new StringBuilder(digest.Length * 2);
        foreach (byte value in digest)
        {
            hex.Append(value.ToString("x2", CultureInfo.InvariantCulture));
        }

        return new FileEntry { Name = Path.GetFileName(path), Bytes = file.Length, Sha256 = hex.ToString() };
    }
}
