using System.Globalization;
using System.Text.Json;
using Vwe.Tests.Golden;
using Vwe.WorldGen;

namespace Vwe.Maps.Tests.Export.Support;

/// <summary>One sample of tests/golden/worlds/&lt;name&gt;.json.gz (README §4): float outputs as bit patterns.</summary>
internal sealed record GoldenPoint(float X, float Z, Biome Biome, uint HeightBits, uint RiverWeightBits, uint ForestBits)
{
    public float Height => BitConverter.UInt32BitsToSingle(HeightBits);

    public static IReadOnlyList<GoldenPoint> Read(string world)
    {
        using JsonDocument document = GoldenData.ReadDocument($"worlds/{world}.json.gz");
        return
        [
            .. document.RootElement.GetProperty("points").EnumerateArray().Select(point => new GoldenPoint(
                (float)point.GetProperty("x").GetDouble(),
                (float)point.GetProperty("z").GetDouble(),
                (Biome)point.GetProperty("biome").GetInt32(),
                Bits(point, "height"),
                Bits(point, "riverWeight"),
                Bits(point, "forest"))),
        ];
    }

    private static uint Bits(JsonElement point, string name) =>
        uint.Parse(point.GetProperty(name).GetString()!.AsSpan(2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
}
