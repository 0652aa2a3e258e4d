using Vwe.WorldGen;

namespace Vwe.WorldGen.Tests;

public class StableHashTests
{
    [Fact]
    public void The_reference_seed_text_hashes_to_its_published_int() =>
        Assert.Equal(1706363555, StableHash.WorldSeed("hnLycKKCMI"));
}
