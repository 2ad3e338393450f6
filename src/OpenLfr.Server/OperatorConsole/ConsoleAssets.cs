using System.Reflection;
using Microsoft.AspNetCore.StaticFiles;

namespace OpenLfr.Server.OperatorConsole;

/// <summary>
/// Serves the console's scripts, styles and libraries from resources embedded in this assembly
/// (see Directory.Build.targets), so every host serves the same files and nothing comes from a CDN.
/// </summary>
public static class ConsoleAssets
{
    private static readonly Assembly Assembly = typeof(ConsoleAssets).Assembly;
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private static readonly HashSet<string> Names = new(Assembly.GetManifestResourceNames(), StringComparer.Ordinal);

    public static IEndpointConventionBuilder MapConsoleAssets(this IEndpointRouteBuilder app) =>
        app.MapGet("/assets/{**path}", (string path, HttpContext http) =>
        {
            var name = "wwwroot/" + path;
            if (path.Contains("..", StringComparison.Ordinal) || !Names.Contains(name)) return Results.NotFound();
            var stream = Assembly.GetManifestResourceStream(name)!;
            if (!ContentTypes.TryGetContentType(path, out var type)) type = "application/octet-stream";
            http.Response.Headers.CacheControl = "public, max-age=300";
            return Results.Stream(stream, type);
        }).AllowAnonymous().ExcludeFromDescription();

    /// <summary>True when the file is embedded (used by tests and the layout to fail loudly on a missing library).</summary>
    public static bool Has(string path) => Names.Contains("wwwroot/" + path);
}
