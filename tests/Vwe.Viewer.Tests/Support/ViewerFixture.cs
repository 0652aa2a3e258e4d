using System.Net;
using Microsoft.Playwright;

namespace Vwe.Viewer.Tests.Support;

/// <summary>
/// One real <c>vwe serve</c> (spawned, its own data folder, ready engines) and one headless Debian Chromium driven by
/// Playwright, shared by the viewer tests; each test opens its own browser context (no cache, no storage shared).
/// </summary>
public sealed class ViewerFixture : IAsyncLifetime
{
    /// <summary>The flags that keep Chromium off the (closed) network and quiet: no background fetches, no updates.</summary>
    private static readonly string[] ChromiumFlags =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync",
    ];

    private static readonly TimeSpan ReadyDeadline = TimeSpan.FromSeconds(60);

    /// <summary>The service's data folder, deleted with the fixture.</summary>
    private readonly string data = Path.Combine(Path.GetTempPath(), $"vwe-viewer-test-{Guid.NewGuid():N}");
    private ServeProcess? serve;
    private IPlaywright? playwright;
    private IBrowser? browser;

    internal ServeProcess Serve => serve ?? throw new InvalidOperationException("the fixture has not started");

    public Uri BaseAddress => Serve.BaseAddress;

    public async Task InitializeAsync()
    {
        if (Prerequisites.MissingForBrowser() is not null && Prerequisites.MissingForViewerFiles() is not null)
        {
            return; // Every test of the collection is skipped: start nothing.
        }

        serve = await ServeProcess.StartAsync(data);
        await Eventually.Value(
            async () => (await Serve.Api.GetAsync("/readyz")).Status,
            status => status == HttpStatusCode.OK,
            ReadyDeadline,
            "GET /readyz answers 200 (the engine pool has filled)");
        if (Prerequisites.MissingForBrowser() is null)
        {
            Prerequisites.RequireBrowser();
            playwright = await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = Prerequisites.ChromiumPath,
                Headless = true,
                Args = ChromiumFlags,
            });
        }
    }

    /// <summary>A fresh browser context and page of the given size on the service, not yet navigated.</summary>
    public async Task<ViewerPage> NewPageAsync(int width = 1280, int height = 800)
    {
        IBrowser started = browser ?? throw new InvalidOperationException("the browser was not started");
        IBrowserContext context = await started.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        return new ViewerPage(context, await context.NewPageAsync(), this);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (serve is not null)
        {
            await serve.DisposeAsync();
        }

        if (Directory.Exists(data))
        {
            Directory.Delete(data, recursive: true);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ViewerTestGroup : ICollectionFixture<ViewerFixture>
{
    public const string Name = "viewer";
}
