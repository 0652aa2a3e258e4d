using System.Text.Json;
using Vwe.Viewer.Tests.Support;

namespace Vwe.Viewer.Tests;

/// <summary>The share link (the URL hash): seed, view, layer, grid and tile version, written as the view changes and restored on load.</summary>
[Collection(ViewerTestGroup.Name)]
public sealed class ShareLinkTests(ViewerFixture fixture)
{
    [BrowserFact]
    public async Task A_share_link_opens_the_same_seed_view_layer_and_grid()
    {
        await using ViewerPage viewer = await fixture.NewPageAsync();
        await viewer.OpenAsync("#seed=hnLycKKCMI&x=-3200&z=800&zoom=5&layer=terrain&grid=1");
        await viewer.WaitForFirstScreenAsync();

        JsonElement view = await viewer.ViewAsync();
        Assert.Equal(ReferencePoints.SeedText, view.GetProperty("seedText").GetString());
        Assert.Equal(ReferencePoints.SeedInt, view.GetProperty("seedInt").GetInt32());
        Assert.Equal(-3200, view.GetProperty("x").GetDouble(), 0.5);
        Assert.Equal(800, view.GetProperty("z").GetDouble(), 0.5);
        Assert.Equal(5, view.GetProperty("zoom").GetInt32());
        Assert.Equal("terrain", view.GetProperty("layer").GetString());
        Assert.Equal(ReferencePoints.SeedText, await viewer.Page.Locator("#seed-input").InputValueAsync());
        Assert.True(await viewer.Page.Locator("input[name=layer][value=terrain]").IsCheckedAsync());
        Assert.True(await viewer.Page.Locator("#grid-toggle").IsCheckedAsync());
        string tileSource = await viewer.Page.Locator("img.leaflet-tile-loaded").First.GetAttributeAsync("src") ?? "";
        Assert.Contains($"/terrain/{ReferencePoints.SeedInt}/5/", tileSource, StringComparison.Ordinal);

        // The link the page shows after moving on is a share link too: a fresh browser opening it sees the same.
        await viewer.Page.Locator("input[name=layer][value=biomes]").CheckAsync();
        await viewer.Page.Locator("#map").FocusAsync();
        await viewer.Page.Keyboard.PressAsync("ArrowRight");
        await viewer.WaitAsync(
            "() => !window.vwe.view().loading && window.location.hash.includes('layer=biomes') && !window.location.hash.includes('x=-3200&')",
            null,
            "the link updated for the biomes layer and the panned view");
        string link = viewer.Page.Url;
        Assert.Contains("v=g2-e", link, StringComparison.Ordinal);
        JsonElement before = await viewer.ViewAsync();

        await using ViewerPage other = await fixture.NewPageAsync();
        await other.OpenAsync(new Uri(link).Fragment);
        await other.WaitForFirstScreenAsync();
        JsonElement after = await other.ViewAsync();
        Assert.Equal(before.GetProperty("x").GetDouble(), after.GetProperty("x").GetDouble(), 0.5);
        Assert.Equal(before.GetProperty("z").GetDouble(), after.GetProperty("z").GetDouble(), 0.5);
        Assert.Equal(5, after.GetProperty("zoom").GetInt32());
        Assert.Equal("biomes", after.GetProperty("layer").GetString());
        Assert.Equal(ReferencePoints.SeedInt, after.GetProperty("seedInt").GetInt32());
        Assert.Empty(viewer.ConsoleErrors);
        Assert.Empty(other.ConsoleErrors);
    }

    [BrowserFact]
    public async Task A_link_with_a_seed_still_names_its_unknown_layer_and_other_tile_version_once_the_world_is_shown()
    {
        await using ViewerPage viewer = await fixture.NewPageAsync();
        await viewer.OpenAsync("#seed=hnLycKKCMI&layer=roads&v=g9-e9");
        await viewer.WaitForFirstScreenAsync();

        JsonElement view = await viewer.ViewAsync();
        Assert.Equal("biomes", view.GetProperty("layer").GetString());
        Assert.Equal(ReferencePoints.SeedInt, view.GetProperty("seedInt").GetInt32());
        string notes = await viewer.Page.Locator("#action-status").TextContentAsync() ?? "";
        Assert.Contains("“roads”", notes, StringComparison.Ordinal);
        Assert.Contains("g9-e9", notes, StringComparison.Ordinal);
        Assert.Empty(viewer.ConsoleErrors);

        // A later link without anything wrong takes the notes away.
        await viewer.Page.EvaluateAsync("window.location.hash = '#seed=hnLycKKCMI&layer=terrain'");
        await viewer.WaitAsync("() => window.vwe.view().layer === 'terrain'", null, "the terrain layer of the edited link");
        Assert.Equal("", await viewer.Page.Locator("#action-status").TextContentAsync());
    }

    [BrowserFact]
    public async Task Garbage_in_a_link_keeps_the_page_values_without_errors()
    {
        await using ViewerPage viewer = await fixture.NewPageAsync();
        await viewer.OpenAsync("#seed=hnLycKKCMI&x=NaN&z=800&zoom=2.5");
        await viewer.WaitForFirstScreenAsync();
        JsonElement first = await viewer.ViewAsync();
        Assert.Equal(0, first.GetProperty("x").GetDouble(), 0.5);
        Assert.Equal(0, first.GetProperty("z").GetDouble(), 0.5);

        // Empty seeds are no seed (the world stays, no error); a centre far beyond the map goes to its nearest corner.
        await viewer.Page.EvaluateAsync("window.location.hash = '#seed=&seedInt=&x=1e308&z=-1e308&zoom=1e300'");
        await viewer.WaitAsync("() => { const v = window.vwe.view(); return v.zoom > 2 && !v.moving && !v.loading; }", null, "the edited link's view at rest");

        JsonElement view = await viewer.ViewAsync();
        Assert.Equal(ReferencePoints.SeedInt, view.GetProperty("seedInt").GetInt32());
        Assert.Null(await viewer.SeedErrorAsync());
        Assert.True(view.GetProperty("x").GetDouble() > 20_000 && view.GetProperty("z").GetDouble() < -20_000, $"the south-east corner: {view}");
        Assert.Empty(viewer.ConsoleErrors);
    }
}
