using System.Text.Json;
using Microsoft.Playwright;
using Vwe.Viewer.Tests.Support;

namespace Vwe.Viewer.Tests;

/// <summary>The whole world on first opening: north up at a glance (DeepNorth at the top, AshLands at the bottom), and the download button.</summary>
[Collection(ViewerTestGroup.Name)]
public sealed class WorldViewTests(ViewerFixture fixture)
{
    [BrowserFact]
    public async Task The_first_view_shows_the_whole_world_north_up_and_a_screenshot_is_kept()
    {
        await using ViewerPage viewer = await fixture.NewPageAsync();
        await viewer.OpenAsync();
        await viewer.EnterSeedAsync(ReferencePoints.SeedText);
        JsonElement timing = await viewer.WaitForFirstScreenAsync();
        Assert.True(timing.GetProperty("ms").GetDouble() > 0);
        Assert.True(await viewer.Page.Locator("#loading").IsHiddenAsync(), "the loading overlay is gone once the first screen arrived");

        // Placed by this test's arithmetic from the centre: up is north, right is east.
        JsonElement view = await viewer.ViewAsync();
        double metresPerPixel = 24576.0 / 256 / Math.Pow(2, view.GetProperty("zoom").GetInt32());
        (double centreX, double centreY) = await viewer.ScreenPointOfAsync(view.GetProperty("x").GetDouble(), view.GetProperty("z").GetDouble());
        // Points inside wide regions (a pixel is 24 m here): DeepNorth in the north, AshLands in the south, the edge ocean east.
        (int X, int Z, string Biome)[] compass = [(5200, 8000, "DeepNorth"), (0, -9000, "AshLands"), (10600, 0, "Ocean")];
        foreach ((int x, int z, string biome) in compass)
        {
            double screenX = centreX + (x / metresPerPixel);
            double screenY = centreY - (z / metresPerPixel);
            Assert.Equal(ReferencePoints.Palette[biome], await viewer.TileColourAtAsync(screenX, screenY));
        }

        string screenshot = Path.Combine(AppContext.BaseDirectory, "TestResults", "viewer-hnLycKKCMI.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        byte[] png = await viewer.Page.ScreenshotAsync(new PageScreenshotOptions { Path = screenshot });
        Assert.True(png.Length > 10_000, $"the screenshot {screenshot} is only {png.Length} bytes");
        Assert.Empty(viewer.ConsoleErrors);
    }

    [BrowserFact]
    public async Task Download_map_makes_the_whole_world_picture_and_links_it()
    {
        await using ViewerPage viewer = await fixture.NewPageAsync();
        await viewer.OpenAsync("#seed=hnLycKKCMI&x=0&z=0&zoom=2&layer=biomes");
        await viewer.WaitForFirstScreenAsync();
        await viewer.Page.Locator("#download").ClickAsync();

        ILocator link = viewer.Page.Locator("#download-result a", new() { HasText = "biomes.png" });
        await link.WaitForAsync(new() { Timeout = ViewerPage.Ms(TimeSpan.FromSeconds(60)) });
        string href = await link.GetAttributeAsync("href") ?? "";
        Assert.Contains("-2048x12/biomes.png", href, StringComparison.Ordinal);
        ApiResponse picture = await fixture.Serve.Api.GetAsync(href);
        Assert.Equal(System.Net.HttpStatusCode.OK, picture.Status);
        Assert.Contains("is ready", await viewer.Page.Locator("#action-status").TextContentAsync() ?? "", StringComparison.Ordinal);
    }
}
