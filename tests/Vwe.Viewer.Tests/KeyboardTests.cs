using System.Text.Json;
using Vwe.Viewer.Tests.Support;

namespace Vwe.Viewer.Tests;

/// <summary>Keyboard use: Tab reaches the map; + and − zoom, the arrow keys pan (up is north, right is east).</summary>
[Collection(ViewerTestGroup.Name)]
public sealed class KeyboardTests(ViewerFixture fixture)
{
    [BrowserFact]
    public async Task Plus_and_minus_zoom_and_the_arrows_pan_north_up()
    {
        await using ViewerPage viewer = await fixture.NewPageAsync();
        await viewer.OpenAsync("#seed=hnLycKKCMI&x=0&z=0&zoom=3&layer=biomes");
        await viewer.WaitForFirstScreenAsync();
        await viewer.Page.Locator("#map").FocusAsync();

        await viewer.Page.Keyboard.PressAsync("+");
        await viewer.WaitForViewAsync(0, 0, 4);
        await viewer.Page.Keyboard.PressAsync("-");
        await viewer.WaitForViewAsync(0, 0, 3);
        await viewer.Page.Keyboard.PressAsync("-");
        await viewer.WaitForViewAsync(0, 0, 2);

        await viewer.Page.Keyboard.PressAsync("ArrowUp");
        JsonElement north = await WaitForMoveAsync(viewer, "v.z > 0");
        Assert.Equal(0, north.GetProperty("x").GetDouble(), 0.5);

        await viewer.Page.Keyboard.PressAsync("ArrowRight");
        JsonElement east = await WaitForMoveAsync(viewer, "v.x > 0");
        Assert.Equal(north.GetProperty("z").GetDouble(), east.GetProperty("z").GetDouble(), 0.5);
        Assert.Contains("zoom=2", await viewer.Page.EvaluateAsync<string>("window.location.hash"), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> WaitForMoveAsync(ViewerPage viewer, string condition)
    {
        await viewer.WaitAsync($"() => {{ const v = window.vwe.view(); return {condition} && !v.moving && !v.loading; }}", null, $"the view moved: {condition}");
        return await viewer.ViewAsync();
    }
}
