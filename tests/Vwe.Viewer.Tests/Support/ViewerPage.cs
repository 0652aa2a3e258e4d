using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Vwe.Viewer.Tests.Support;

/// <summary>
/// The viewer page in a browser, as a person uses it: types in the seed box, moves the mouse, presses keys, follows
/// links; and reads what it shows. Waits are on the page's own state (<c>window.vwe</c>) with a deadline.
/// </summary>
public sealed class ViewerPage : IAsyncDisposable
{
    /// <summary>A cold world: pre-generation plus a screen of tiles, on a busy two-core machine.</summary>
    public static readonly TimeSpan TileDeadline = TimeSpan.FromSeconds(30);

    private readonly IBrowserContext context;
    private readonly ViewerFixture fixture;
    private readonly List<string> consoleErrors = [];

    internal ViewerPage(IBrowserContext context, IPage page, ViewerFixture fixture)
    {
        this.context = context;
        this.fixture = fixture;
        Page = page;
        page.Console += (_, message) =>
        {
            // A network change (another program adding an interface) aborts requests in flight; the page retries them.
            if (message.Type == "error" && !message.Text.Contains("net::ERR_NETWORK_CHANGED", StringComparison.Ordinal))
            {
                consoleErrors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => consoleErrors.Add(error);
    }

    public IPage Page { get; }

    /// <summary>Errors the page logged or threw, for failure messages and a final check.</summary>
    public IReadOnlyList<string> ConsoleErrors => consoleErrors;

    /// <summary>Opens the viewer (with a share-link hash when given) and waits until it has read the tile API.</summary>
    public async Task OpenAsync(string hash = "")
    {
        await Page.GotoAsync("/" + hash);
        await WaitAsync("() => document.body.dataset.ready === 'true'", null, "the page has read the tile API and applied its link");
    }

    /// <summary>Types a seed into the box (ticking "int" or not) and presses Enter.</summary>
    public async Task EnterSeedAsync(string seed, bool asInt = false)
    {
        await Page.Locator("#seed-int").SetCheckedAsync(asInt);
        await Page.Locator("#seed-input").FillAsync(seed);
        await Page.Locator("#seed-input").PressAsync("Enter");
    }

    /// <summary>Waits until <paramref name="count"/> worlds or layers reached their first full screen; returns the last timing.</summary>
    public async Task<JsonElement> WaitForFirstScreenAsync(int count = 1)
    {
        await WaitAsync("n => window.vwe.timings.length >= n", count, $"{count} first screen(s) of tiles");
        return await EvaluateJsonAsync($"window.vwe.timings[{count - 1}]");
    }

    /// <summary>Waits until the map is centred on (x, z) at <paramref name="zoom"/>, at rest, with every tile in view loaded.</summary>
    public async Task WaitForViewAsync(double x, double z, int zoom)
    {
        await WaitAsync(
            "([x, z, zoom]) => { const v = window.vwe.view(); return v && Math.abs(v.x - x) < 1 && Math.abs(v.z - z) < 1 && v.zoom === zoom && !v.moving && !v.loading; }",
            new object[] { x, z, zoom },
            $"the view centred on ({x}, {z}) at zoom {zoom} with its tiles loaded");
    }

    /// <summary>The view as the page holds it (<c>window.vwe.view()</c>).</summary>
    public Task<JsonElement> ViewAsync() => EvaluateJsonAsync("window.vwe.view()");

    /// <summary>The map's box on the screen.</summary>
    public async Task<LocatorBoundingBoxResult> MapBoxAsync() =>
        await Page.Locator("#map").BoundingBoxAsync() ?? throw new InvalidOperationException("the map is not on screen");

    /// <summary>Where world (x, z) is drawn in the page, as Leaflet places it (container point + the map's offset).</summary>
    public async Task<(double X, double Y)> ScreenPointOfAsync(double x, double z)
    {
        LocatorBoundingBoxResult box = await MapBoxAsync();
        JsonElement point = await EvaluateJsonAsync(string.Create(
            CultureInfo.InvariantCulture, $"(() => {{ const p = window.vwe.page.map.latLngToContainerPoint([{z}, {x}]); return {{ x: p.x, y: p.y }}; }})()"));
        return (box.X + point.GetProperty("x").GetDouble(), box.Y + point.GetProperty("y").GetDouble());
    }

    /// <summary>Moves the mouse and waits until the readout shows the biome and height of world point (x, z).</summary>
    public async Task<Readout> HoverAsync(double screenX, double screenY, int expectedX, int expectedZ)
    {
        await Page.Mouse.MoveAsync((float)screenX, (float)screenY);
        try
        {
            await Page.WaitForFunctionAsync(
                "([x, z]) => { const r = document.querySelector('.readout').dataset; return r.state === 'ready' && r.x === String(x) && r.z === String(z); }",
                new object[] { expectedX, expectedZ },
                new() { Timeout = Ms(TileDeadline) });
        }
        catch (TimeoutException)
        {
            Readout seen = await ReadoutAsync();
            Assert.Fail($"the mouse at ({screenX:0.#}, {screenY:0.#}) should read world ({expectedX}, {expectedZ}); the readout shows {seen}");
        }

        return await ReadoutAsync();
    }

    /// <summary>What the readout shows now.</summary>
    public async Task<Readout> ReadoutAsync() => new(
        await Page.Locator("#readout-x").TextContentAsync() ?? "",
        await Page.Locator("#readout-z").TextContentAsync() ?? "",
        await Page.Locator("#readout-biome").TextContentAsync() ?? "",
        await Page.Locator("#readout-height").TextContentAsync() ?? "");

    /// <summary>
    /// The colour of the tile pixel drawn at a screen point (read from the tile image itself, as a canvas would draw
    /// it), e.g. <c>#92A75C</c>, or null when no loaded tile of the current layer and zoom is there. Tiles take no
    /// pointer events, so they are found by their boxes among the layer's current tiles.
    /// </summary>
    public async Task<string?> TileColourAtAsync(double screenX, double screenY)
    {
        JsonElement colour = await EvaluateJsonAsync(string.Create(CultureInfo.InvariantCulture, $$"""
            (() => {
              const layer = window.vwe.page.tiles;
              const inside = (box) => box.left <= {{screenX}} && {{screenX}} < box.right && box.top <= {{screenY}} && {{screenY}} < box.bottom;
              const tile = Object.values(layer._tiles)
                .filter(t => t.current && t.el.classList.contains('leaflet-tile-loaded'))
                .map(t => t.el)
                .find(el => inside(el.getBoundingClientRect()));
              if (!tile) return null;
              const box = tile.getBoundingClientRect();
              const canvas = document.createElement('canvas');
              canvas.width = tile.naturalWidth; canvas.height = tile.naturalHeight;
              const context = canvas.getContext('2d');
              context.drawImage(tile, 0, 0);
              const px = Math.floor(({{screenX}} - box.left) * tile.naturalWidth / box.width);
              const py = Math.floor(({{screenY}} - box.top) * tile.naturalHeight / box.height);
              const [r, g, b] = context.getImageData(px, py, 1, 1).data;
              return '#' + [r, g, b].map(v => v.toString(16).padStart(2, '0').toUpperCase()).join('');
            })()
            """));
        return colour.ValueKind == JsonValueKind.Null ? null : colour.GetString();
    }

    /// <summary>The text shown next to the seed box as an error, or null when none is shown.</summary>
    public async Task<string?> SeedErrorAsync()
    {
        ILocator error = Page.Locator("#seed-error");
        return await error.IsVisibleAsync() ? await error.TextContentAsync() : null;
    }

    /// <summary>Waits for a condition in the page; a missed deadline fails naming it, with the view, status and console errors.</summary>
    public async Task WaitAsync(string condition, object? argument, string what)
    {
        try
        {
            await Page.WaitForFunctionAsync(condition, argument, new() { Timeout = Ms(TileDeadline) });
        }
        catch (TimeoutException)
        {
            string view = (await EvaluateJsonAsync("window.vwe && window.vwe.view ? window.vwe.view() : null")).ToString();
            string status = await Page.Locator("#world-status").TextContentAsync() ?? "";
            Assert.Fail($"not within {TileDeadline.TotalSeconds} s: {what}. View: {view}; status: {status}; console errors: {string.Join(" | ", consoleErrors)}");
        }
    }

    public async Task<JsonElement> EvaluateJsonAsync(string expression)
    {
        JsonElement? value = await Page.EvaluateAsync<JsonElement?>(expression);
        return value ?? JsonDocument.Parse("null").RootElement;
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();

    internal static float Ms(TimeSpan span) => (float)span.TotalMilliseconds;
}

/// <summary>The readout's four fields as shown.</summary>
public sealed record Readout(string X, string Z, string Biome, string Height);
