using System.Globalization;
using Microsoft.Playwright;
using Vwe.Viewer.Tests.Support;

namespace Vwe.Viewer.Tests;

/// <summary>
/// The cursor readout over real tiles: at the spec's reference points it names their biome and height, and the tile
/// under the cursor has that biome's colour. The mouse is placed by this test's own arithmetic (screen up = north,
/// right = east) from the view centre, so a map drawn upside down or mirrored fails.
/// </summary>
[Collection(ViewerTestGroup.Name)]
public sealed class ReadoutTests(ViewerFixture fixture)
{
    /// <summary>0.75 m per pixel: whole metres are within half a pixel of a pixel corner.</summary>
    private const int Zoom = 7;

    /// <summary>The point under test lies 320 px right (240 m east) and 200 px up (150 m north) of the view centre.</summary>
    private const int RightPx = 320;

    private const int UpPx = 200;

    private const double MetresPerPixel = 0.75;

    [BrowserFact]
    public async Task At_reference_points_the_readout_names_their_biome_and_height_and_the_tile_has_the_biome_colour()
    {
        await using ViewerPage viewer = await fixture.NewPageAsync();
        await viewer.OpenAsync();
        await viewer.EnterSeedAsync(ReferencePoints.SeedText);
        await viewer.WaitForFirstScreenAsync();

        var failures = new List<string>();
        foreach (object[] row in ReferencePoints.All)
        {
            (int x, int z, string biome, uint heightBits) = ((int)row[0], (int)row[1], (string)row[2], (uint)row[3]);
            double centreX = x - (RightPx * MetresPerPixel);
            double centreZ = z - (UpPx * MetresPerPixel);
            await viewer.Page.EvaluateAsync("hash => { window.location.hash = hash; }", Invariant($"#x={centreX}&z={centreZ}&zoom={Zoom}"));
            await viewer.WaitForViewAsync(centreX, centreZ, Zoom);

            (double screenX, double screenY) = await viewer.ScreenPointOfAsync(centreX, centreZ);
            double pointX = Math.Round(screenX + RightPx);
            double pointY = Math.Round(screenY - UpPx);
            Readout readout = await viewer.HoverAsync(pointX, pointY, x, z);
            string height = ReferencePoints.HeightText(heightBits);
            if (readout.Biome != biome || readout.Height != height)
            {
                failures.Add($"({x}, {z}): readout {readout}, expected {biome} at {height}");
            }

            string expectedColour = ReferencePoints.Palette[biome];
            string?[] around = await ColoursAroundAsync(viewer, pointX, pointY);
            if (!around.Contains(expectedColour))
            {
                failures.Add($"({x}, {z}): the tile under the cursor is {string.Join('/', around)}, not {biome} {expectedColour}");
            }
        }

        Assert.True(failures.Count == 0, string.Join('\n', failures));
        Assert.Empty(viewer.ConsoleErrors);
    }

    [BrowserFact]
    public async Task A_fast_cursor_keeps_one_point_request_in_flight_and_the_readout_ends_on_the_last_point()
    {
        await using ViewerPage viewer = await fixture.NewPageAsync();
        // Every point answer is held back 100 ms, so the cursor always outruns the requests (a warm server answers
        // in about a millisecond, faster than the test can move the mouse).
        int pointRequests = 0;
        await viewer.Page.RouteAsync("**/api/v1/point?*", async route =>
        {
            Interlocked.Increment(ref pointRequests);
            await Task.Delay(100);
            await route.ContinueAsync();
        });
        await viewer.OpenAsync(Invariant($"#seed={ReferencePoints.SeedText}&x=0&z=0&zoom={Zoom}&layer=biomes"));
        await viewer.WaitForFirstScreenAsync();

        (double centreX, double centreY) = await viewer.ScreenPointOfAsync(0, 0);
        const int Moves = 60;
        for (int step = Moves; step >= 0; step--)
        {
            await viewer.Page.Mouse.MoveAsync((float)Math.Round(centreX + (4 * step)), (float)Math.Round(centreY));
        }

        // The last position is the view centre, world (0, 0): spec §10.3's first row.
        Readout readout = await viewer.HoverAsync(Math.Round(centreX), Math.Round(centreY), 0, 0);
        Assert.Equal("Meadows", readout.Biome);
        Assert.Equal(ReferencePoints.HeightText(0x410B88B8), readout.Height);
        Assert.True(pointRequests is > 0 and < Moves, $"{pointRequests} point requests for {Moves + 1} cursor positions: the readout should drop positions passed while a request ran");
    }

    /// <summary>The tile colours at the pixel and its neighbours within 2 px: a biome border may pass between the pixel centre and the point.</summary>
    private static async Task<string?[]> ColoursAroundAsync(ViewerPage viewer, double x, double y)
    {
        var colours = new List<string?>();
        foreach ((int dx, int dy) in new[] { (0, 0), (-2, 0), (2, 0), (0, -2), (0, 2) })
        {
            colours.Add(await viewer.TileColourAtAsync(x + dx, y + dy));
        }

        return [.. colours];
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
