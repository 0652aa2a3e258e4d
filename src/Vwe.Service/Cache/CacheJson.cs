using System.Text.Json.Serialization;

namespace Vwe.Service.Cache;

/// <summary>The file list of a world as stored in the <c>worlds</c> table.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(IReadOnlyList<CachedFile>))]
internal sealed partial class CacheJson : JsonSerializerContext;
