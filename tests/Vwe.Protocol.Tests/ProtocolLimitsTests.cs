using System.Globalization;

namespace Vwe.Protocol.Tests;

/// <summary>The arithmetic behind <see cref="ProtocolLimits.MaxSamplePoints"/> (docs/protocol.md §2).</summary>
public class ProtocolLimitsTests
{
    /// <summary>The longest text .NET writes for a double: 17 significant digits, a sign and a three-digit exponent.</summary>
    private const double LongestDouble = -2.2250738585072014E-308;

    [Fact]
    public void The_longest_double_is_written_in_24_bytes()
    {
        string json = System.Text.Encoding.UTF8.GetString(ProtocolJson.Serialize(new Request { Id = 1, Op = Ops.Sample, Points = [LongestDouble] }));

        Assert.Equal("{\"id\":1,\"op\":\"sample\",\"points\":[-2.2250738585072014E-308]}", json);
        Assert.Equal(24, LongestDouble.ToString("R", CultureInfo.InvariantCulture).Length);
    }

    [Fact]
    public void A_points_request_of_the_most_points_with_the_longest_numbers_fits_in_a_frame()
    {
        Assert.InRange(LongestPointsRequestBytes(ProtocolLimits.MaxSamplePoints), 0, ProtocolLimits.MaxFrameBytes);
    }

    [Fact]
    public void Twice_the_points_would_not_fit_so_the_limit_is_the_largest_power_of_two_that_does()
    {
        Assert.True(int.IsPow2(ProtocolLimits.MaxSamplePoints));
        Assert.True(LongestPointsRequestBytes(2 * ProtocolLimits.MaxSamplePoints) > ProtocolLimits.MaxFrameBytes);
    }

    [Fact]
    public void A_sample_answer_of_the_most_points_with_all_five_fields_fits_in_a_frame()
    {
        int count = ProtocolLimits.MaxSamplePoints;
        string biome = SampleArrays.EncodeUInt16(new ushort[count]);
        string floats = SampleArrays.EncodeSingle(new float[count]);
        var answer = new Message
        {
            Type = MessageTypes.Result,
            Id = long.MaxValue,
            Op = Ops.Sample,
            State = EngineStates.Unhealthy,
            LoadedWorlds = [.. Enumerable.Repeat(int.MinValue, 64)],
            Jobs = long.MaxValue,
            SeedInt = int.MinValue,
            Cached = false,
            LoadMs = LongestDouble,
            Count = count,
            Biome = biome,
            Height = floats,
            BaseHeight = floats,
            River = floats,
            Forest = floats,
        };

        int bytes = ProtocolJson.Serialize(answer).Length;

        // base64 is 4 characters per 3 bytes, rounded up.
        Assert.Equal(4 * ((2 * count + 2) / 3), biome.Length);
        Assert.Equal(4 * ((4 * count + 2) / 3), floats.Length);
        Assert.InRange(bytes, biome.Length + (4 * floats.Length), ProtocolLimits.MaxFrameBytes);
    }

    private static int LongestPointsRequestBytes(int points) =>
        ProtocolJson.Serialize(new Request
        {
            Id = long.MaxValue,
            Op = Ops.Sample,
            SeedInt = int.MinValue,
            DeadlineMs = long.MaxValue,
            Points = [.. Enumerable.Repeat(LongestDouble, 2 * points)],
            Fields = [.. SampleFields.All],
        }).Length;
}
