using Vwe.Maps.Export;
using Vwe.Maps.Grid;

namespace Vwe.Service.Cache;

/// <summary>A world in the cache: what its folder holds, written by job <see cref="JobId"/>.</summary>
public sealed record CachedWorld(
    string WorldKey, ExportFormats Formats, GridLayers Layers, long Bytes, IReadOnlyList<CachedFile> Files, string JobId)
{
    /// <summary>The file of that name, or null; the name is only compared, never used to build a path.</summary>
    public CachedFile? File(string name) => Files.FirstOrDefault(file => file.Name == name);
}

/// <summary>One file of a cached world with its size and lower-case hex SHA-256 (from the export, as in manifest.json).</summary>
public sealed record CachedFile(string Name, long Bytes, string Sha256);
