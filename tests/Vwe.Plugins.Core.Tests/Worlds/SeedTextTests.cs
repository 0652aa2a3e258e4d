using Vwe.Plugins.Core.Worlds;
using Vwe.WorldGen;

namespace Vwe.Plugins.Core.Tests.Worlds;

/// <summary>The plugins' seed hash (used to check an export's seedText) is the native generator's.</summary>
public sealed class SeedTextTests
{
    [Theory]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("hnLycKKCMI")]
    [InlineData("MWd8eV6svz")]
    [InlineData("odd")]
    [InlineData("ab\0cd")]
    [InlineData("\0")]
    [InlineData("Grüße, 世界")]
    [InlineData("\ud83d")]
    public void A_seed_text_gives_the_native_world_seed(string text) =>
        Assert.Equal(StableHash.WorldSeed(text), SeedText.WorldSeed(text));

    [Fact]
    public void The_reference_seed_is_1706363555() => Assert.Equal(1706363555, SeedText.WorldSeed("hnLycKKCMI"));
}
