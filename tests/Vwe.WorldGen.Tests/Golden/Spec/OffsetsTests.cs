using Vwe.Tests.Golden;

namespace Vwe.WorldGen.Tests.Golden.Spec;

/// <summary>
/// Spec §5.2 / §12: the offsets m_offset0…4 and, where given, the river and stream seeds. 900967707, −520406752 and
/// −1521132150 were read by reflection from a running game (scscodes/valheim-world-engine); −1772362158 is
/// game-recorded; 1706363555 is a reference value (§10.3).
/// </summary>
public class OffsetsTests
{
    [Theory]
    [InlineData(-1772362158, -6080, 4986, -7704, -59, 718)] // MWd8eV6svz
    [InlineData(900967707, -7318, -1528, -698, 7879, 4187)] // gMJ8GX3lVY
    [InlineData(-520406752, -4682, 3703, 9482, -7075, 3697)] // G0Ws7CmRyU
    [InlineData(-1521132150, -76, -4694, -3450, 2481, 1387)] // xl5sl0NfWE
    [InlineData(1706363555, -4799, 3663, -325, 1538, -8915)] // hnLycKKCMI
    public void Offsets_match_the_spec(int seed, int offset0, int offset1, int offset2, int offset3, int offset4)
    {
        WorldGenerator generator = SharedGenerators.Fork(seed);

        Assert.Equal(new float[] { offset0, offset1, offset2, offset3, offset4 }, generator.Offsets);
    }

    [Theory]
    [InlineData(-1772362158, 744350289, 952983356)] // MWd8eV6svz
    [InlineData(1706363555, -686046238, 264326683)] // hnLycKKCMI
    public void River_and_stream_seeds_match_the_spec(int seed, int riverSeed, int streamSeed)
    {
        WorldGenerator generator = SharedGenerators.Fork(seed);

        Assert.Equal((riverSeed, streamSeed), (generator.RiverSeed, generator.StreamSeed));
    }

    [Theory]
    [InlineData("gMJ8GX3lVY", 900967707)]
    [InlineData("G0Ws7CmRyU", -520406752)]
    [InlineData("xl5sl0NfWE", -1521132150)]
    public void The_reflection_dump_seed_names_hash_to_their_seeds(string seedText, int seed) =>
        Assert.Equal(seed, StableHash.WorldSeed(seedText));
}
