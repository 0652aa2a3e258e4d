using System.Globalization;
using Microsoft.Playwright;
using Vwe.Bench;
using Vwe.ViewerBench;

// vwe-viewerbench first-screen [--runs N] [--engines N]   time from entering a seed to the first full screen of tiles
// vwe-viewerbench screenshot --out FILE                    the page for hnLycKKCMI, as in docs/viewer.png
// Both start the built `vwe serve` (beside this program) on a fresh data folder, and Debian's Chromium (docs/viewer.md).
string command = args.Length > 0 ? args[0] : "first-screen";
int runs = IntOption("--runs", 5);
int engines = IntOption("--engines", 2);
// The built vwe.dll (with the viewer in wwwroot/) is copied beside this program.
await using ServeProcess server = await ServeProcess.StartAsync(
    Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
    [Path.Combine(AppContext.BaseDirectory, "vwe.dll")],
    ["--engines", engines.ToString(CultureInfo.InvariantCulture)]);
await using Browser browser = await Browser.LaunchAsync();
switch (command)
{
    case "first-screen":
        await FirstScreenAsync();
        return 0;
    case "screenshot":
        await ScreenshotAsync(Option("--out") ?? "docs/viewer.png");
        return 0;
    default:
        await Console.Error.WriteLineAsync($"vwe-viewerbench: unknown command '{command}'; use first-screen or screenshot.");
        return 2;
}

// Per run, in a fresh browser context each (no HTTP cache): a seed never seen (cold: the engines load the world,
// every tile is rendered), the same seed's terrain layer (warm world, tiles rendered now), then the biomes layer again
// (warm: the tiles come from the service's tile cache). The view is the page's first one (the whole world).
async Task FirstScreenAsync()
{
    var cold = new List<double>();
    var warmWorld = new List<double>();
    var warm = new List<double>();
    string prefix = Guid.NewGuid().ToString("N")[..6];
    for (int run = 0; run < runs; run++)
    {
        string seed = $"bench{prefix}{run}";
        cold.Add(await TimeAsync(seed, "biomes"));
        warmWorld.Add(await TimeAsync(seed, "terrain"));
        warm.Add(await TimeAsync(seed, "biomes"));
        Console.WriteLine(Invariant($"run {run + 1}: cold {cold[^1]:0} ms, warm world (new tiles) {warmWorld[^1]:0} ms, warm (cached tiles) {warm[^1]:0} ms"));
    }

    Console.WriteLine(Invariant($"median of {runs}: cold {Median(cold):0} ms, warm world {Median(warmWorld):0} ms, warm {Median(warm):0} ms"));
    Console.WriteLine(Invariant($"min {cold.Min():0} / {warmWorld.Min():0} / {warm.Min():0} ms, max {cold.Max():0} / {warmWorld.Max():0} / {warm.Max():0} ms"));
}

async Task<double> TimeAsync(string seed, string layer)
{
    IPage page = await browser.OpenViewerAsync(server.Address);
    try
    {
        return await Browser.FirstScreenAsync(page, seed, layer);
    }
    finally
    {
        await Browser.CloseAsync(page);
    }
}

async Task ScreenshotAsync(string path)
{
    IPage page = await browser.OpenViewerAsync(server.Address);
    await Browser.FirstScreenAsync(page, "hnLycKKCMI");
    // The cursor over the Plains at (-3200, 800), so the readout shows something.
    var box = await page.Locator("#map").BoundingBoxAsync() ?? throw new InvalidOperationException("no map on screen");
    var point = await page.EvaluateAsync<System.Text.Json.JsonElement>("(() => { const p = window.vwe.page.map.latLngToContainerPoint([800, -3200]); return { x: p.x, y: p.y }; })()");
    await page.Mouse.MoveAsync(box.X + (float)point.GetProperty("x").GetDouble(), box.Y + (float)point.GetProperty("y").GetDouble());
    await page.WaitForFunctionAsync("() => document.querySelector('.readout').dataset.state === 'ready'");
    string full = Path.GetFullPath(path);
    await page.ScreenshotAsync(new() { Path = full });
    Console.WriteLine($"screenshot written to {full}");
    await Browser.CloseAsync(page);
}

int IntOption(string name, int fallback) =>
    Option(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

string? Option(string name)
{
    int index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
}

static double Median(List<double> values)
{
    double[] sorted = [.. values.Order()];
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
}

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
