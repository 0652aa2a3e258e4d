using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Vwe.Service.Viewer;

/// <summary>
/// The web viewer at <c>/</c> (docs/viewer.md): the static files the build lays out in <c>wwwroot/</c> (web/Viewer.targets).
/// <c>index.html</c> is revalidated on every load; everything under <c>/assets/</c> sits in a folder named after the
/// hash of its bytes, so it is cached for a year. When the viewer was not built (no npm on the build machine),
/// <c>/</c> answers a short page saying so and how to build it; the API works either way.
/// </summary>
internal static class ViewerEndpoints
{
    /// <summary>The folder of content-hashed assets; its files never change under the same URL.</summary>
    public const string AssetsPath = "/assets";

    private const string Immutable = "public, max-age=31536000, immutable";

    private const string Revalidate = "no-cache";

    private const string NotBuiltPage = """
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><title>VWE: viewer not built</title></head>
        <body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; color: #1b1f24">
        <h1>The web viewer was not built</h1>
        <p>This <code>vwe</code> was built on a machine without npm, so the map page is missing. The HTTP API works
        (<a href="/openapi/v1.json">/openapi/v1.json</a>).</p>
        <p>To get the viewer: install Node.js with npm, build again (<code>dotnet build -c Release src/Vwe.Cli</code>),
        and restart <code>vwe serve</code>. The build runs <code>npm ci</code> in <code>web/</code> (docs/viewer.md).</p>
        </body>
        </html>
        """;

    /// <summary>Serves the viewer from <paramref name="directory"/>, or the "not built" page when it has no index.html.</summary>
    public static void UseViewer(this WebApplication app, string directory)
    {
        if (!File.Exists(Path.Combine(directory, "index.html")))
        {
            app.MapMethods("/", [HttpMethods.Get, HttpMethods.Head], NotBuilt).ExcludeFromDescription();
            return;
        }

        var files = new PhysicalFileProvider(Path.GetFullPath(directory));
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions
        {
            FileProvider = files,
            ContentTypeProvider = ContentTypes(),
            OnPrepareResponse = static context => context.Context.Response.Headers.CacheControl =
                context.Context.Request.Path.StartsWithSegments(AssetsPath, StringComparison.Ordinal) ? Immutable : Revalidate,
        });
    }

    /// <summary>The usual types, with the charset of the text files the build writes (UTF-8) spelt out.</summary>
    private static FileExtensionContentTypeProvider ContentTypes()
    {
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".html"] = "text/html; charset=utf-8";
        types.Mappings[".js"] = "text/javascript; charset=utf-8";
        types.Mappings[".css"] = "text/css; charset=utf-8";
        return types;
    }

    private static ContentHttpResult NotBuilt(HttpContext context)
    {
        context.Response.Headers.CacheControl = Revalidate;
        return TypedResults.Content(NotBuiltPage, "text/html; charset=utf-8");
    }
}
