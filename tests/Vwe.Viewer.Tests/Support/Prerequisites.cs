namespace Vwe.Viewer.Tests.Support;

/// <summary>
/// What the browser tests need: Debian's Chromium at <see cref="ChromiumPath"/> (installed by .ci/run) and the viewer
/// built into the output's wwwroot/ (needs npm at build time). On a developer machine without them the tests are
/// skipped with a message saying what to install; in CI (<c>CI=true</c>) they run and fail instead.
/// </summary>
internal static class Prerequisites
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public static string ViewerDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "wwwroot");

    public static bool InCi { get; } = Environment.GetEnvironmentVariable("CI") == "true"; // as .ci/run and the container tests read it

    public static bool HasChromium => File.Exists(ChromiumPath);

    public static bool ViewerBuilt => File.Exists(Path.Combine(ViewerDirectory, "index.html"));

    /// <summary>Why a browser test cannot run here, or null when it can (or must: in CI nothing is skipped).</summary>
    public static string? MissingForBrowser() =>
        InCi ? null : MissingChromium() ?? MissingViewer();

    /// <summary>Why a test of the built viewer's files cannot run here, or null.</summary>
    public static string? MissingForViewerFiles() => InCi ? null : MissingViewer();

    /// <summary>Throws naming what is missing; the fixture's first step, so CI fails with the cause, not a timeout.</summary>
    public static void RequireBrowser()
    {
        if ((MissingChromium() ?? MissingViewer()) is { } missing)
        {
            throw new InvalidOperationException(missing);
        }
    }

    private static string? MissingChromium() => HasChromium
        ? null
        : $"SKIPPED BROWSER TEST: {ChromiumPath} is missing. Install Debian's Chromium (apt-get install -y chromium; .ci/run does) to run the viewer's browser tests.";

    private static string? MissingViewer() => ViewerBuilt
        ? null
        : $"SKIPPED VIEWER TEST: the web viewer was not built ({ViewerDirectory} has no index.html): npm was missing at build time. Install Node.js with npm and build again (docs/viewer.md).";
}

/// <summary>A test driving Chromium against the built viewer: skipped loudly when either is missing, except in CI.</summary>
internal sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute() => Skip = Prerequisites.MissingForBrowser();
}

/// <summary>A test of the built viewer's files over HTTP (no browser): skipped loudly when the viewer was not built, except in CI.</summary>
internal sealed class ViewerFactAttribute : FactAttribute
{
    public ViewerFactAttribute() => Skip = Prerequisites.MissingForViewerFiles();
}
