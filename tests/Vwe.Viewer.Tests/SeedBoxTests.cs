using System.Text.Json;
using Vwe.Viewer.Tests.Support;

namespace Vwe.Viewer.Tests;

/// <summary>The seed box: text hashed as the game does, an int seed with the toggle, errors shown next to the input.</summary>
[Collection(ViewerTestGroup.Name)]
public sealed class SeedBoxTests(ViewerFixture fixture)
{
    [BrowserFact]
    public async Task A_seed_text_too_long_is_refused_next_to_the_input_and_no_world_is_shown()
    {
        await using ViewerPage viewer = await fixture.NewPageAsync();
        await viewer.OpenAsync();
        await viewer.EnterSeedAsync(new string('a', 40));

        await viewer.Page.Locator("#seed-error").WaitForAsync(new() { Timeout = ViewerPage.Ms(ViewerPage.TileDeadline) });
        string? error = await viewer.SeedErrorAsync();
        Assert.NotNull(error);
        Assert.Contains("40", error, StringComparison.Ordinal);
        Assert.Equal("true", await viewer.Page.Locator("#seed-input").GetAttributeAsync("aria-invalid"));
        Assert.Contains("seed-error", await viewer.Page.Locator("#seed-input").GetAttributeAsync("aria-describedby") ?? "", StringComparison.Ordinal);
        JsonElement view = await viewer.ViewAsync();
        Assert.Equal(JsonValueKind.Null, view.GetProperty("seedInt").ValueKind);

        // A good seed afterwards clears the error and shows the world.
        await viewer.EnterSeedAsync(ReferencePoints.SeedText);
        await viewer.WaitForFirstScreenAsync();
        Assert.Null(await viewer.SeedErrorAsync());
        Assert.Equal(ReferencePoints.SeedInt, (await viewer.ViewAsync()).GetProperty("seedInt").GetInt32());
    }

    [BrowserFact]
    public async Task With_int_ticked_the_seed_is_the_world_int_and_a_non_number_is_refused_next_to_the_input()
    {
        await using ViewerPage viewer = await fixture.NewPageAsync();
        await viewer.OpenAsync();
        await viewer.EnterSeedAsync("12abc", asInt: true);
        Assert.Contains("not a whole number", await viewer.SeedErrorAsync() ?? "(no error shown)", StringComparison.Ordinal);

        await viewer.EnterSeedAsync(ReferencePoints.SeedInt.ToString(System.Globalization.CultureInfo.InvariantCulture), asInt: true);
        await viewer.WaitForFirstScreenAsync();
        JsonElement view = await viewer.ViewAsync();
        Assert.Equal(ReferencePoints.SeedInt, view.GetProperty("seedInt").GetInt32());
        Assert.Equal(JsonValueKind.Null, view.GetProperty("seedText").ValueKind);
        Assert.Contains("seedInt=1706363555", await viewer.Page.EvaluateAsync<string>("window.location.hash"), StringComparison.Ordinal);
    }
}
