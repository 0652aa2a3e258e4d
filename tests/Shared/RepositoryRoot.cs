namespace Vwe.Tests;

/// <summary>
/// The repository's root (the folder holding the <c>.slnx</c>), found by walking up from the test assembly, so
/// tests read the committed files (tests/golden, docs), never a copy in the build output.
/// </summary>
internal static class RepositoryRoot
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Path => Root.Value;

    /// <summary>The absolute path of a committed file, e.g. <c>docs/formats.md</c>.</summary>
    public static string PathOf(string relativePath) => System.IO.Path.Combine(Path, relativePath);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (folder.EnumerateFiles("*.slnx").Any())
            {
                return folder.FullName;
            }
        }

        throw new DirectoryNotFoundException(
            $"no folder above {AppContext.BaseDirectory} holds a .slnx file; run the tests from inside the repository");
    }
}
