using System.Text.Json;
using Microsoft.Playwright;

namespace Vwe.ViewerBench;

/// <summary>Debian's headless Chromium, driven by Playwright, kept off the network (the flags of the viewer tests).</summary>
internal sealed class Browser : IAsyncDisposable
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumFlags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private readonly IPlaywright playwright;
    private readonly IBrowser browser;

    private Browser(IPlaywright playwright, IBrowser browser)
    {
        this.playwright = playwright;
        this.browser = browser;
    }

    public static async Task<Browser> LaunchAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new FileNotFoundException($"{ChromiumPath} is missing: apt-get install -y chromium");
        }

        IPlaywright playwright = await Playwright.CreateAsync();
        IBrowser browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumFlags });
        return new Browser(playwright, browser);
    }

    /// <summary>A fresh context (empty HTTP cache) with the viewer open and ready for a seed.</summary>
    public async Task<IPage> OpenViewerAsync(Uri address, string hash = "")
    {
        IBrowserContext context = await browser.NewContextAsync(new() { BaseURL = address.ToString(), ViewportSize = new() { Width = 1280, Height = 800 } });
        IPage page = await context.NewPageAsync();
        await page.GotoAsync("/" + hash);
        await page.WaitForFunctionAsync("() => document.body.dataset.ready === 'true'", null, new() { Timeout = 30_000 });
        return page;
    }

    /// <summary>
    /// Types the seed and presses Enter; returns the page's own figure for the time from that key press to the first
    /// full screen of tiles (every tile in view loaded: Leaflet's 'load').
    /// </summary>
    public static async Task<double> FirstScreenAsync(IPage page, string seed, string layer = "biomes")
    {
        await page.Locator($"input[name=layer][value={layer}]").CheckAsync();
        int before = await page.EvaluateAsync<int>("window.vwe.timings.length");
        await page.Locator("#seed-input").FillAsync(seed);
        await page.Locator("#seed-input").PressAsync("Enter");
        await page.WaitForFunctionAsync("n => window.vwe.timings.length > n", before, new() { Timeout = 60_000 });
        JsonElement timing = await page.EvaluateAsync<JsonElement>($"window.vwe.timings[{before}]");
        if (await page.EvaluateAsync<int>("window.vwe.view().failedTiles") > 0)
        {
            throw new InvalidOperationException($"tiles failed for seed {seed}: the figure would not be a full screen");
        }

        return timing.GetProperty("ms").GetDouble();
    }

    public static Task CloseAsync(IPage page) => page.Context.CloseAsync();

    public async ValueTask DisposeAsync()
    {
        await browser.DisposeAsync();
        playwright.Dispose();
    }
}
