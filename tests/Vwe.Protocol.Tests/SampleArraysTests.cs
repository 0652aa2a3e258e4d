namespace Vwe.Protocol.Tests;

public class SampleArraysTests
{
    [Fact]
    public void UInt16_values_are_written_little_endian()
    {
        Assert.Equal(Convert.ToBase64String([0x02, 0x01, 0xFF, 0x00]), SampleArrays.EncodeUInt16([0x0102, 0x00FF]));
    }

    [Fact]
    public void Float32_values_are_written_little_endian()
    {
        // 1.0f is 0x3F800000; -2.5f is 0xC0200000.
        Assert.Equal(Convert.ToBase64String([0x00, 0x00, 0x80, 0x3F, 0x00, 0x00, 0x20, 0xC0]), SampleArrays.EncodeSingle([1f, -2.5f]));
    }

    [Fact]
    public void Every_biome_flag_and_the_extremes_round_trip()
    {
        ushort[] values = [1, 2, 4, 8, 16, 32, 64, 256, 512, 0, ushort.MaxValue];

        Assert.Equal(values, SampleArrays.DecodeUInt16(SampleArrays.EncodeUInt16(values)));
    }

    [Theory]
    [InlineData(0x7FC00000u)] // the usual quiet NaN
    [InlineData(0x7FC00001u)] // quiet NaN with a payload
    [InlineData(0x7F800001u)] // signalling NaN
    [InlineData(0xFFC12345u)] // negative NaN with a payload
    [InlineData(0x80000000u)] // -0
    [InlineData(0x00000000u)] // +0
    [InlineData(0x00000001u)] // smallest subnormal
    [InlineData(0x807FFFFFu)] // largest negative subnormal
    [InlineData(0x7F7FFFFFu)] // float.MaxValue
    [InlineData(0xFF800000u)] // -infinity
    [InlineData(0x41D0F5C3u)] // 26.12f
    public void Float32_bits_round_trip_exactly(uint bits)
    {
        float value = BitConverter.UInt32BitsToSingle(bits);

        float[] decoded = SampleArrays.DecodeSingle(SampleArrays.EncodeSingle([value, value]));

        Assert.Equal([bits, bits], decoded.Select(BitConverter.SingleToUInt32Bits));
    }

    [Fact]
    public void Random_bit_patterns_round_trip_exactly()
    {
        var random = new Random(1706363555);
        uint[] bits = [.. Enumerable.Range(0, 10_000).Select(_ => (uint)random.NextInt64(0, 1L << 32))];
        ushort[] shorts = [.. bits.Select(value => (ushort)value)];

        float[] floats = SampleArrays.DecodeSingle(SampleArrays.EncodeSingle([.. bits.Select(BitConverter.UInt32BitsToSingle)]));

        Assert.Equal(bits, floats.Select(BitConverter.SingleToUInt32Bits));
        Assert.Equal(shorts, SampleArrays.DecodeUInt16(SampleArrays.EncodeUInt16(shorts)));
    }

    [Fact]
    public void Empty_arrays_are_empty_text()
    {
        Assert.Equal("", SampleArrays.EncodeSingle([]));
        Assert.Empty(SampleArrays.DecodeSingle(""));
        Assert.Empty(SampleArrays.DecodeUInt16(""));
    }

    [Theory]
    [InlineData("not base64!")]
    [InlineData("AAA")]
    [InlineData("AA=A")]
    [InlineData("AAAAA===")]
    public void Text_that_is_not_base64_is_malformed(string text)
    {
        Assert.Throws<MalformedFrameException>(() => SampleArrays.DecodeSingle(text));
        Assert.Throws<MalformedFrameException>(() => SampleArrays.DecodeUInt16(text));
    }

    [Theory]
    [InlineData("AAAA", 3)]     // 3 bytes: not whole uint16 or float32 values
    [InlineData("AAAAAAA=", 5)] // 5 bytes
    public void A_byte_count_that_is_not_a_whole_number_of_values_is_malformed(string text, int bytes)
    {
        Assert.Equal(bytes, Convert.FromBase64String(text).Length);

        var refusal = Assert.Throws<MalformedFrameException>(() => SampleArrays.DecodeSingle(text));
        Assert.Throws<MalformedFrameException>(() => SampleArrays.DecodeUInt16(text));

        Assert.Contains($"{bytes} bytes", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Six_bytes_are_three_uint16_values_but_not_float32_values()
    {
        Assert.Equal([0, 0, 0], SampleArrays.DecodeUInt16("AAAAAAAA"));
        Assert.Throws<MalformedFrameException>(() => SampleArrays.DecodeSingle("AAAAAAAA"));
    }

    [Fact]
    public void Null_text_is_an_argument_error()
    {
        Assert.Throws<ArgumentNullException>(() => SampleArrays.DecodeSingle(null!));
        Assert.Throws<ArgumentNullException>(() => SampleArrays.DecodeUInt16(null!));
    }
}
