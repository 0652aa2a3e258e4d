using Vwe.Tests.Golden;

namespace Vwe.WorldGen.Tests.Golden.Spec;

/// <summary>
/// Spec §10.3 point table for hnLycKKCMI (1706363555): biome and height bits, height = GetBiomeHeight(GetBiome)
/// including rivers and moats. Reference values from the independent re-implementation, not game-recorded.
/// </summary>
public class ReferencePointTests
{
    private const int Seed = 1706363555;

    [Theory]
    [InlineData(0f, 0f, Biome.Meadows, 0x410B88B8u)] // 8.720879
    [InlineData(800f, 0f, Biome.Meadows, 0x42816892u)] // 64.704239
    [InlineData(-800f, 400f, Biome.Mountain, 0x42B9CF7Bu)] // 92.905235
    [InlineData(-3200f, 800f, Biome.Plains, 0x415AABB9u)] // 13.666924
    [InlineData(-3200f, 1200f, Biome.Swamp, 0x41EF44C7u)] // 29.908583
    [InlineData(-9200f, 400f, Biome.BlackForest, 0x42024D19u)] // 32.575291
    [InlineData(8800f, -400f, Biome.Mistlands, 0x42B60000u)] // 91
    [InlineData(5200f, 8000f, Biome.DeepNorth, 0x42BC8171u)] // 94.252815
    [InlineData(-3600f, -8000f, Biome.AshLands, 0x418A351Eu)] // 17.275936
    [InlineData(0f, -9000f, Biome.AshLands, 0x420CFF78u)] // 35.249481
    [InlineData(-2400f, 0f, Biome.Ocean, 0x3ECCCBCFu)] // 0.399992
    [InlineData(10200f, 0f, Biome.Ocean, 0xC1AEB977u)] // -21.840559
    [InlineData(10600f, 0f, Biome.Ocean, 0xC3C80000u)] // -400: beyond the 10 500 m edge
    [InlineData(1200f, -1200f, Biome.BlackForest, 0x41FEB53Du)] // 31.838495
    [InlineData(400f, -2800f, Biome.Swamp, 0x41CC87B8u)] // 25.566269
    [InlineData(6800f, -4800f, Biome.Mistlands, 0x41E00000u)] // 28
    [InlineData(1234.5f, -678.25f, Biome.BlackForest, 0x4164E708u)] // 14.306404
    [InlineData(-4321.125f, 2345.75f, Biome.Swamp, 0x41EE574Du)] // 29.792627
    [InlineData(3333.3f, 3333.3f, Biome.Plains, 0x428AF953u)] // 69.486961 (f32 3333.300048828125)
    [InlineData(-7777.7f, -1111.1f, Biome.Mistlands, 0x41F00001u)] // 30.000002 (f32 -7777.7001953125, -1111.0999755859375)
    public void Biome_and_height_match_the_spec_table(float x, float z, Biome biome, uint heightBits)
    {
        WorldGenerator generator = SharedGenerators.Fork(Seed);

        Biome actualBiome = generator.GetBiome(x, z);
        float height = generator.GetBiomeHeight(actualBiome, x, z, out _);

        Assert.Equal(biome, actualBiome);
        Assert.True(
            Bits.Of(height) == heightBits,
            $"({Bits.Describe(x)}, {Bits.Describe(z)}): height expected {Bits.Describe(heightBits)}, actual {Bits.Describe(height)}");
    }
}
