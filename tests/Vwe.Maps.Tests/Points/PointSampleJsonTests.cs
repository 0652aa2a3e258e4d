using System.Globalization;
using System.Text.Json;
using Vwe.Maps.Points;
using Vwe.WorldGen;

namespace Vwe.Maps.Tests.Points;

public class PointSampleJsonTests
{
    private static readonly float[] EdgeValues =
    [
        0f, -0f, float.Epsilon, -float.Epsilon, float.MaxValue, float.MinValue, 1e-7f, 1e20f, 0.1f,
        BitConverter.UInt32BitsToSingle(0x410B88B8), BitConverter.UInt32BitsToSingle(0x41F00001),
        BitConverter.UInt32BitsToSingle(0x007FFFFF), // largest subnormal
    ];

    [Fact]
    public void Every_float_is_written_as_the_shortest_decimal_that_parses_back_to_its_bits()
    {
        var random = new Random(20251024);
        IEnumerable<float> randomFinite = Enumerable.Range(0, 20_000)
            .Select(_ => BitConverter.UInt32BitsToSingle((uint)random.NextInt64(0, 1L << 32)))
            .Where(float.IsFinite);

        foreach (float value in EdgeValues.Concat(randomFinite))
        {
            var sample = new PointSample(-7, value, -value, PointBiome.Of(Biome.Ocean), value, value, value, value);
            using var json = JsonDocument.Parse(PointSampleJson.Line(sample));
            foreach (string name in (string[])["x", "height", "baseHeight", "riverWeight", "forestFactor"])
            {
                string text = json.RootElement.GetProperty(name).GetRawText();
                float parsed = float.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
                Assert.True(
                    BitConverter.SingleToUInt32Bits(value) == BitConverter.SingleToUInt32Bits(parsed),
                    $"{name}: 0x{BitConverter.SingleToUInt32Bits(value):X8} written as {text}");

                // .NET's own float formatting is the shortest round-trip form (since .NET Core 3.0).
                Assert.Equal(value.ToString(CultureInfo.InvariantCulture), text);
            }
        }
    }

    [Fact]
    public void Numbers_are_the_shortest_round_trip_decimals()
    {
        var sample = new PointSample(
            1706363555, -0f, 3333.3f, PointBiome.Of(Biome.BlackForest), BitConverter.UInt32BitsToSingle(0x410B88B8), 0.1f, 0f, -400f);

        Assert.Equal(
            """{"seed":1706363555,"x":-0,"z":3333.3,"biome":{"flag":8,"name":"BlackForest"},"height":8.720879,"baseHeight":0.1,"riverWeight":0,"forestFactor":-400}""",
            PointSampleJson.Line(sample));
    }

    [Fact]
    public void A_line_reads_back_to_the_same_sample()
    {
        var sample = new PointSample(
            int.MinValue, 1234.5f, -678.25f, PointBiome.Of(Biome.Mistlands), BitConverter.UInt32BitsToSingle(0x41F00001), -0f, 0.97700f, 1.4438f);

        using var json = JsonDocument.Parse(PointSampleJson.Line(sample));
        JsonElement root = json.RootElement;
        JsonElement biome = root.GetProperty("biome");
        var read = new PointSample(
            root.GetProperty("seed").GetInt32(),
            root.GetProperty("x").GetSingle(),
            root.GetProperty("z").GetSingle(),
            new PointBiome(biome.GetProperty("flag").GetInt32(), biome.GetProperty("name").GetString()!),
            root.GetProperty("height").GetSingle(),
            root.GetProperty("baseHeight").GetSingle(),
            root.GetProperty("riverWeight").GetSingle(),
            root.GetProperty("forestFactor").GetSingle());
        Assert.Equal(sample, read);
        Assert.True(float.IsNegative(read.BaseHeight), "-0 read back as +0");
    }

    [Fact]
    public void NaN_is_refused_rather_than_written_as_invalid_json()
    {
        var sample = new PointSample(0, 0f, 0f, PointBiome.Of(Biome.Meadows), float.NaN, 0f, 0f, 0f);

        Assert.Throws<ArgumentException>(() => PointSampleJson.Line(sample));
    }
}
