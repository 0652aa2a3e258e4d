using System.Security.Cryptography;

namespace Vwe.Service.Tiles;

/// <summary>A tile's PNG bytes and its strong ETag: the quoted lower-case hex SHA-256 of the bytes.</summary>
public sealed class RenderedTile
{
    public RenderedTile(byte[] png)
    {
        ArgumentNullException.ThrowIfNull(png);
        Png = png;
        ETag = $"\"{Convert.ToHexStringLower(SHA256.HashData(png))}\"";
    }

    public byte[] Png { get; }

    public string ETag { get; }
}
