using System.Text.Json.Serialization;

namespace Vwe.Protocol;

/// <summary>
/// Source-generated System.Text.Json metadata for the two frame types: no reflection, so it also runs where
/// reflection-based serialization is slow or trimmed (the game's Mono). Use it through <see cref="ProtocolJson"/>,
/// which adds the escaping the wire needs.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Request))]
[JsonSerializable(typeof(Message))]
internal sealed partial class ProtocolJsonContext : JsonSerializerContext;
