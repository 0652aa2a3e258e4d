using Vwe.GameFiles.Minimap;
using Vwe.GameFiles.Tests.Minimap;
using Vwe.GameFiles.Verify;
using Vwe.WorldGen;

namespace Vwe.GameFiles.Tests.Verify;

public class MinimapVerifierTests
{
    [Fact]
    public void A_cache_made_from_golden_data_agrees_everywhere()
    {
        MinimapCache cache = GoldenMinimap.Cache();

        VerifyReport report = MinimapVerifier.Verify(cache, Environment.ProcessorCount);

        Assert.True(report.Agrees);
        Assert.Equal(2048L * 2048, report.Biomes.Sum(b => b.Pixels));
        Assert.All(report.Biomes, b => Assert.Equal(0, b.Differing));
        Assert.Equal(9, report.Biomes.Count);
        Assert.Equal((2048L * 2048, 0L), (report.HeightsMatching, report.HeightsDiffering));
        Assert.Empty(report.FirstDifferences);
    }

    [Fact]
    public void One_wrong_biome_pixel_and_one_wrong_height_are_reported_exactly_where_they_are()
    {
        MinimapCache cache = GoldenMinimap.Cache();
        // Pixel (row 1100, column 1000) is Meadows land near the centre; paint it Swamp. Pixel (row 300, column 1700): change its height by one unit.
        int biomePixel = (1100 * 2048) + 1000;
        int heightPixel = (300 * 2048) + 1700;
        uint original = cache.ColorAt(biomePixel);
        cache.SetColorAt(biomePixel, MinimapColors.Of(Biome.Swamp));
        ushort originalHeight = cache.Heights[heightPixel];
        cache.Heights[heightPixel] ^= 1;

        VerifyReport report = MinimapVerifier.Verify(cache, Environment.ProcessorCount);

        Assert.False(report.Agrees);
        Assert.Equal(2, report.PixelsDiffering);
        Assert.Equal(1, report.BiomePixelsDiffering);
        Assert.Equal(1, report.HeightsDiffering);
        Assert.Equal(2, report.FirstDifferences.Count);

        PixelDifference height = report.FirstDifferences[0];
        Assert.Equal((300, 1700, (1700 - 1024) * 12f + 6, (300 - 1024) * 12f + 6), (height.Row, height.Column, height.X, height.Z));
        Assert.Null(height.Biome);
        Assert.Equal(originalHeight, height.Height!.ExpectedHalf);
        Assert.Equal(originalHeight ^ 1, height.Height.CacheHalf);

        PixelDifference biome = report.FirstDifferences[1];
        Assert.Equal((1100, 1000, -282f, 918f), (biome.Row, biome.Column, biome.X, biome.Z));
        Assert.Null(biome.Height);
        Assert.Equal(original, biome.Biome!.ExpectedColor);
        Assert.Equal(MinimapColors.Of(biome.Biome.Computed), original);
        Assert.Equal(MinimapColors.Of(Biome.Swamp), biome.Biome.CacheColor);
        Assert.Equal(1, report.Biomes.Single(b => b.Biome == biome.Biome.Computed).Differing);
    }

    [Fact]
    public void Differences_beyond_the_limit_are_counted_but_only_the_first_are_listed()
    {
        MinimapCache cache = GoldenMinimap.Cache();
        for (int column = 0; column < 40; column++)
        {
            cache.Heights[(2000 * 2048) + column] ^= 1;
        }

        VerifyReport report = MinimapVerifier.Verify(cache, Environment.ProcessorCount, reportedDifferences: 3);

        Assert.Equal(40, report.HeightsDiffering);
        Assert.Equal([0, 1, 2], report.FirstDifferences.Select(d => d.Column));
    }
}
