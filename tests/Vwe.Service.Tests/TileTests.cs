using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Vwe.Maps.Tiles;
using Vwe.Service.Tests.Support;
using Vwe.WorldGen;

namespace Vwe.Service.Tests;

/// <summary>
/// The tiles of a real <c>vwe serve</c> (docs/tiles.md): the formula at known world points against the point API,
/// identical bytes on every request and equal to a tile painted in-process from the generator, ETag and 304, ocean
/// outside the world, one render for many concurrent requests, and 400 / 404 problem+json for bad addresses.
/// </summary>
public sealed class TileTests(ServiceFixture service) : IClassFixture<ServiceFixture>
{
    private const int Seed = 1706363555; // hnLycKKCMI

    /// <summary>The palette of docs/formats.md, by biome flag.</summary>
    private static readonly Dictionary<int, uint> Palette = new()
    {
        [1] = 0x92A75C,
        [2] = 0xA37258,
        [4] = 0xFFFFFF,
        [8] = 0x6B743F,
        [16] = 0xE7AB78,
        [32] = 0xB03131,
        [64] = 0xC8DCF0,
        [256] = 0x2F6495,
        [512] = 0x333333,
    };

    /// <summary>terrain.png's colour beyond the world's edge (docs/formats.md, "Shading").</summary>
    private const uint BeyondEdge = 0x0A1A30;

    [Fact]
    public async Task The_tile_grid_and_url_template_are_described()
    {
        ApiResponse response = await service.Api.GetAsync("/api/v1/tiles");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(
            """{"tileVersion":"g2-e1","worldGenVersion":2,"engineDataVersion":1,"tileSize":256,"worldSize":24576,"minZoom":0,"maxZoom":7,"layers":["biomes","terrain"],"url":"/api/v1/tiles/g2-e1/{layer}/{seedInt}/{z}/{x}/{y}.png"}""",
            response.Body);
    }

    /// <summary>
    /// Spec §10.3 points: at levels 7, 5 and 3 the pixel nearest each shows the palette colour of the biome the
    /// point API gives at that pixel's world point; at level 7 (within 0.4 m) that is the spec's biome, so north is up.
    /// </summary>
    [Theory]
    [InlineData(0, 0, 1)]
    [InlineData(-800, 400, 4)]
    [InlineData(-3200, 800, 16)]
    [InlineData(-9200, 400, 8)]
    [InlineData(8800, -400, 512)]
    [InlineData(5200, 8000, 64)]
    [InlineData(0, -9000, 32)]
    [InlineData(10200, 0, 256)]
    [InlineData(400, -2800, 2)]
    [InlineData(3333.3, 3333.3, 16)]
    public async Task A_pixel_shows_the_biome_of_its_world_point(double x, double z, int specBiome)
    {
        foreach (int zoom in new[] { 7, 5, 3 })
        {
            (TileId tile, int row, int column) = Locate(zoom, x, z);
            (float pointX, float pointZ) = TileGrid.PixelPoint(tile, row, column);
            int biome = await BiomeAtAsync(pointX, pointZ);
            using TilePicture picture = TilePicture.Decode(await TileAsync("biomes", tile));

            Assert.True(
                picture.Rgb(row, column) == Palette[biome],
                $"tile {tile} pixel ({row}, {column}) at ({pointX}, {pointZ}) is {picture.Rgb(row, column):X6}; the point API says biome {biome}, {Palette[biome]:X6}");
            if (zoom == 7)
            {
                Assert.Equal(specBiome, biome);
            }
        }
    }

    [Theory]
    [InlineData("biomes", 4, 7, 9)]
    [InlineData("terrain", 2, 1, 2)]
    [InlineData("terrain", 7, 60, 70)]
    public async Task A_tile_is_the_same_bytes_every_time_and_those_of_the_generator_painted_in_process(string layer, int zoom, int x, int y)
    {
        var tile = new TileId(zoom, x, y);
        byte[] first = await TileAsync(layer, tile);
        byte[] second = await TileAsync(layer, tile);

        Assert.Equal(first, second);
        Assert.Equal(PaintInProcess(layer, tile), first);
    }

    [Fact]
    public async Task A_tile_has_an_immutable_cache_policy_and_its_sha256_as_strong_etag_answering_304()
    {
        string path = TilePath("terrain", new TileId(3, 2, 5));
        using HttpResponseMessage response = await service.Api.Http.GetAsync(path);
        byte[] png = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        string etag = $"\"{Convert.ToHexStringLower(SHA256.HashData(png))}\"";
        Assert.Equal(etag, response.Headers.ETag?.ToString());

        ApiResponse revalidated = await service.Api.GetAsync(path, new Dictionary<string, string> { ["If-None-Match"] = etag });
        Assert.Equal(HttpStatusCode.NotModified, revalidated.Status);
        Assert.Equal("", revalidated.Body);
        Assert.Equal(etag, revalidated.Headers.ETag?.ToString());

        ApiResponse changed = await service.Api.GetAsync(path, new Dictionary<string, string> { ["If-None-Match"] = "\"0000\"" });
        Assert.Equal(HttpStatusCode.OK, changed.Status);
    }

    [Fact]
    public async Task A_HEAD_request_answers_the_headers_of_the_GET_without_the_body()
    {
        string path = TilePath("biomes", new TileId(2, 1, 2));
        using HttpResponseMessage get = await service.Api.Http.GetAsync(path);
        byte[] png = await get.Content.ReadAsByteArrayAsync();

        using var request = new HttpRequestMessage(HttpMethod.Head, path);
        using HttpResponseMessage head = await service.Api.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal("image/png", head.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png.Length, head.Content.Headers.ContentLength);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Equal("public, max-age=31536000, immutable", head.Headers.CacheControl?.ToString());
        Assert.Empty(await head.Content.ReadAsByteArrayAsync());

        using var revalidate = new HttpRequestMessage(HttpMethod.Head, path);
        revalidate.Headers.IfNoneMatch.Add(get.Headers.ETag!);
        using HttpResponseMessage notModified = await service.Api.Http.SendAsync(revalidate);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Theory]
    [InlineData(2, 1, -4)] // north
    [InlineData(2, 7, 5)] // south-east
    [InlineData(0, -1, 0)] // a whole world's width west
    [InlineData(7, 200, -100)]
    public async Task A_terrain_tile_far_outside_the_world_is_ocean_everywhere(int zoom, int x, int y)
    {
        using TilePicture picture = TilePicture.Decode(await TileAsync("terrain", new TileId(zoom, x, y)));

        Assert.Equal((256, 256), (picture.Width, picture.Height));
        for (int row = 0; row < 256; row++)
        {
            for (int column = 0; column < 256; column++)
            {
                Assert.True(picture.Rgb(row, column) == BeyondEdge, $"pixel ({row}, {column}) is {picture.Rgb(row, column):X6}, not the ocean beyond the edge {BeyondEdge:X6}");
            }
        }
    }

    [Fact]
    public async Task Concurrent_requests_for_one_new_tile_render_it_once_then_it_comes_from_the_cache()
    {
        // /metrics may answer from a scrape up to 300 ms old: each reading waits for a count this test moved.
        string cached = TilePath("biomes", new TileId(0, 0, 0));
        await service.Api.Http.GetByteArrayAsync(cached);
        PrometheusText before = await ScrapeAfterCacheHitAsync(cached);
        string path = TilePath("terrain", new TileId(6, 20, 33));

        byte[][] answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => service.Api.Http.GetByteArrayAsync(path)));

        PrometheusText after = await Eventually.Value(
            service.Api.MetricsAsync,
            metrics => metrics.SumOrZero("vwe_service_tiles_total") >= before.Required("vwe_service_tiles_total") + 8,
            TimeSpan.FromSeconds(10),
            "vwe_service_tiles_total counts the 8 answers");
        Assert.All(answers, answer => Assert.Equal(answers[0], answer));
        Assert.Equal(8, after.Required("vwe_service_tiles_total") - before.Required("vwe_service_tiles_total"));
        Assert.Equal(1, after.Required("vwe_service_tiles_rendered_total") - before.SumOrZero("vwe_service_tiles_rendered_total"));
        Assert.Equal(1, after.HistogramCount("vwe_service_tile_render_duration_seconds") - before.HistogramCountOrZero("vwe_service_tile_render_duration_seconds"));

        PrometheusText again = await ScrapeAfterCacheHitAsync(path);
        Assert.Equal(after.Required("vwe_service_tiles_rendered_total"), again.Required("vwe_service_tiles_rendered_total"));
    }

    /// <summary>GETs a tile that must come from the cache and returns the first scrape counting that hit.</summary>
    private async Task<PrometheusText> ScrapeAfterCacheHitAsync(string path)
    {
        double hits = (await service.Api.MetricsAsync()).SumOrZero("vwe_service_tiles_cache_hits_total");
        await service.Api.Http.GetByteArrayAsync(path);
        return await Eventually.Value(
            service.Api.MetricsAsync,
            metrics => metrics.SumOrZero("vwe_service_tiles_cache_hits_total") >= hits + 1,
            TimeSpan.FromSeconds(10),
            $"a cache hit counted for {path}");
    }

    [Theory]
    [InlineData("g2-e1/biome/1/3/3/4.png", "layer 'biome' is not a tile layer; use biomes or terrain.")]
    [InlineData("g2-e1/Biomes/1/3/3/4.png", "layer 'Biomes'")]
    [InlineData("g2-e1/biomes/2147483648/3/3/4.png", "seedInt '2147483648' is not an int")]
    [InlineData("g2-e1/biomes/hnLycKKCMI/3/3/4.png", "seedInt 'hnLycKKCMI' is not an int")]
    [InlineData("g2-e1/biomes/1/8/0/0.png", "zoom 8 is outside 0..7.")]
    [InlineData("g2-e1/biomes/1/-1/0/0.png", "zoom -1 is outside 0..7.")]
    [InlineData("g2-e1/biomes/1/x/0/0.png", "zoom 'x' is not an integer")]
    [InlineData("g2-e1/biomes/1/3/1.5/0.png", "tile x '1.5' is not an integer.")]
    [InlineData("g2-e1/biomes/1/3/16/0.png", "tile 16,0 is outside -8..15 for x and y at zoom 3")]
    [InlineData("g2-e1/biomes/1/3/0/-9.png", "tile 0,-9 is outside -8..15")]
    [InlineData("g2-e1/biomes/1/3/0/4.jpg", "'4.jpg' is not a tile y followed by .png")]
    [InlineData("g2-e1/biomes/1/3/0/4", "'4' is not a tile y followed by .png")]
    [InlineData("g2-e1/biomes/1/3/0/99999999999.png", "'99999999999.png' is not a tile y")]
    [InlineData("g2-e1/biomes/1/%D9%A3/0/0.png", "zoom '\u0663' is not an integer")] // an Arabic-Indic 3
    [InlineData("g2-e1/biomes/+1706363555/3/3/4.png", "seedInt '+1706363555' is written 1706363555 in a tile URL")]
    [InlineData("g2-e1/biomes/1/03/3/4.png", "zoom '03' is written 3 in a tile URL (no '+', leading zeros or -0: a tile has one URL).")]
    [InlineData("g2-e1/biomes/1/3/-0/4.png", "tile x '-0' is written 0")]
    [InlineData("g2-e1/biomes/1/3/3/004.png", "tile y '004' is written 4")]
    public async Task A_malformed_tile_address_is_400_problem_json_naming_the_part(string address, string detail)
    {
        double before = (await service.Api.MetricsAsync()).SumOrZero("vwe_service_tiles_rendered_total");

        ApiResponse response = await service.Api.GetAsync($"/api/v1/tiles/{address}");

        AssertProblem(response, HttpStatusCode.BadRequest, detail);
        Assert.Equal(before, (await service.Api.MetricsAsync()).SumOrZero("vwe_service_tiles_rendered_total"));
    }

    [Theory]
    [InlineData("g1-e1")]
    [InlineData("g2-e2")]
    [InlineData("G2-E1")]
    public async Task Another_tile_version_is_404_naming_the_current_one(string version)
    {
        ApiResponse response = await service.Api.GetAsync($"/api/v1/tiles/{Uri.EscapeDataString(version)}/biomes/1/0/0/0.png");

        AssertProblem(response, HttpStatusCode.NotFound, "this server's is g2-e1");
    }

    [Theory]
    [InlineData("hnLycKKCMI", 1706363555)]
    [InlineData("12345", null)]
    [InlineData("a seed with spaces & symbols!", null)]
    public async Task A_seed_text_hashes_to_the_games_int(string text, int? expected)
    {
        ApiResponse response = await service.Api.GetAsync($"/api/v1/seed?text={Uri.EscapeDataString(text)}");

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.Equal(text, response.Json.GetProperty("seed").GetString());
        Assert.Equal(expected ?? StableHash.WorldSeed(text), response.Json.GetProperty("seedInt").GetInt32());
    }

    [Theory]
    [InlineData("text=", "a seed is 1 to 32 characters; this one has 0.")]
    [InlineData("text=123456789012345678901234567890123", "a seed is 1 to 32 characters; this one has 33.")]
    [InlineData("", "give the seed text once")]
    [InlineData("text=a&text=b", "give the seed text once")]
    public async Task A_seed_text_out_of_bounds_is_400_with_a_detail_for_the_input(string query, string detail) =>
        AssertProblem(await service.Api.GetAsync($"/api/v1/seed?{query}"), HttpStatusCode.BadRequest, detail);

    private static void AssertProblem(ApiResponse response, HttpStatusCode status, string detail)
    {
        Assert.True(response.Status == status, $"expected {(int)status}: {response}");
        Assert.Equal("application/problem+json", response.MediaType);
        Assert.Contains(detail, response.Json.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static string TilePath(string layer, TileId tile) =>
        string.Create(CultureInfo.InvariantCulture, $"/api/v1/tiles/g2-e1/{layer}/{Seed}/{tile.Zoom}/{tile.X}/{tile.Y}.png");

    private async Task<byte[]> TileAsync(string layer, TileId tile)
    {
        using HttpResponseMessage response = await service.Api.Http.GetAsync(TilePath(layer, tile));
        byte[] bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {TilePath(layer, tile)}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(bytes)}");
        return bytes;
    }

    private async Task<int> BiomeAtAsync(float x, float z)
    {
        ApiResponse response = await service.Api.GetAsync(
            string.Create(CultureInfo.InvariantCulture, $"/api/v1/point?seedInt={Seed}&x={x:R}&z={z:R}"));
        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        return response.Json.GetProperty("biome").GetProperty("flag").GetInt32();
    }

    /// <summary>The tile and pixel whose area holds (x, z): the inverse of the formula, from the west and north edges.</summary>
    private static (TileId Tile, int Row, int Column) Locate(int zoom, double x, double z)
    {
        double pixel = TileGrid.PixelSize(zoom);
        int east = (int)Math.Floor((x + (TileGrid.WorldSize / 2)) / pixel);
        int south = (int)Math.Floor(((TileGrid.WorldSize / 2) - z) / pixel);
        var tile = new TileId(zoom, Math.DivRem(east, 256).Quotient, Math.DivRem(south, 256).Quotient);
        return (tile, south % 256, east % 256);
    }

    /// <summary>The tile painted from the generator's own samples of the whole region in one go.</summary>
    private static byte[] PaintInProcess(string layer, TileId tile)
    {
        Assert.True(TileLayers.TryParse(layer, out TileLayer parsed));
        return ReferenceTiles.Paint(SharedGenerators.Fork(Seed), tile, parsed);
    }
}
