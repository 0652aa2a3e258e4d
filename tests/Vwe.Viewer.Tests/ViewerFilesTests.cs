using System.Net;
using System.Text.RegularExpressions;
using Vwe.Engines;
using Vwe.Service.Hosting;
using Vwe.Viewer.Tests.Support;

namespace Vwe.Viewer.Tests;

/// <summary>
/// The viewer's files as <c>vwe serve</c> serves them at <c>/</c>: the page revalidated on every load, its hashed
/// assets cached for a year, with their content types; and, for a vwe built without npm, a page saying so.
/// </summary>
[Collection(ViewerTestGroup.Name)]
public sealed partial class ViewerFilesTests(ViewerFixture fixture)
{
    [ViewerFact]
    public async Task The_page_is_revalidated_and_its_hashed_assets_are_cached_for_a_year()
    {
        ServiceApi api = fixture.Serve.Api;
        ApiResponse page = await api.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("text/html", page.ContentHeaders.ContentType?.MediaType);
        Assert.True(page.Headers.CacheControl?.NoCache, $"/ Cache-Control: {page.Headers.CacheControl}");
        Assert.NotNull(page.Headers.ETag);

        ApiResponse again = await api.GetAsync("/", new Dictionary<string, string> { ["If-None-Match"] = page.Headers.ETag.ToString() });
        Assert.Equal(HttpStatusCode.NotModified, again.Status);

        string[] assets = [.. AssetReference().Matches(page.Body).Select(match => "/" + match.Groups["path"].Value)];
        Assert.Contains(assets, asset => asset.EndsWith("/app/main.js", StringComparison.Ordinal));
        Assert.Contains(assets, asset => asset.EndsWith("/leaflet/leaflet.css", StringComparison.Ordinal));
        foreach (string asset in assets)
        {
            ApiResponse file = await api.GetAsync(asset);
            Assert.True(file.Status == HttpStatusCode.OK, $"GET {asset}: {(int)file.Status}");
            Assert.Equal(asset.EndsWith(".js", StringComparison.Ordinal) ? "text/javascript" : "text/css", file.ContentHeaders.ContentType?.MediaType);
            Assert.Equal("public, max-age=31536000, immutable", file.Headers.CacheControl?.ToString().Replace(", ", ",", StringComparison.Ordinal).Replace(",", ", ", StringComparison.Ordinal));
        }

        // Leaflet comes from the npm package the lock file pins, built in: no request leaves the service.
        ApiResponse leaflet = await api.GetAsync(assets.Single(asset => asset.EndsWith("/leaflet/leaflet.css", StringComparison.Ordinal)).Replace("leaflet.css", "leaflet-src.esm.js", StringComparison.Ordinal));
        Assert.Contains("Leaflet 1.9.4", leaflet.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_built_viewer_the_root_says_so_and_how_to_build_it()
    {
        using var data = new TempDirectory();
        using var emptyViewer = new TempDirectory();
        var options = new ServiceOptions
        {
            Port = 0,
            DataDirectory = data.Path,
            Engines = 1,
            EngineKind = EngineKind.InProcess,
            ViewerDirectory = emptyViewer.Path,
        };
        await using VweService service = await VweService.StartAsync(options, log: null, CancellationToken.None);
        using var api = new ServiceApi(service.Address);

        ApiResponse page = await api.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, page.Status);
        Assert.Equal("text/html", page.ContentHeaders.ContentType?.MediaType);
        Assert.Contains("web viewer was not built", page.Body, StringComparison.Ordinal);
        Assert.Contains("npm", page.Body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/healthz")).Status);
    }

    [GeneratedRegex("""(?:href|src)="(?<path>assets/[0-9a-f]{16}/[^"]+)""")]
    private static partial Regex AssetReference();
}
