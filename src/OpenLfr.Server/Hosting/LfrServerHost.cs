using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using OpenLfr.Core.Security;

namespace OpenLfr.Server.Hosting;

/// <summary>Builds the OpenLFR web application: used by Program.cs, <c>lfr serve</c> and the tests.</summary>
public static class LfrServerHost
{
    /// <param name="configure">Last-minute changes before Build (e.g. the CLI registering the face pipeline).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        var settings = ServerSettings.From(builder.Configuration);
        if (settings.DefaultDatabase) Directory.CreateDirectory(settings.DataDirectory);
        if (settings.ImplicitKeyFile is { } implicitKey && !File.Exists(implicitKey))
        {
            DataKeyLoader.CreateKeyFile(implicitKey);
            Console.Error.WriteLine($"Created the data key {implicitKey} (mode 0600) for the local database. Back it up: without it the encrypted images and templates cannot be read. For any other database set {DataKeyOptions.EnvironmentVariable} or --key-file.");
        }
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["DataKey:KeyFile"] = settings.KeyFile ?? settings.ImplicitKeyFile,
            ["DataKey:Key"] = settings.Key,
        });
        // SQL statements are not operational news; warnings and errors still show.
        builder.Logging.AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning);
        // Cookie and CSRF token keys live with the data, so sign-ins survive restarts of this server only.
        builder.Services.AddDataProtection().SetApplicationName("OpenLFR").PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(settings.DataDirectory, "protection-keys")));
        builder.Services.AddOpenLfrServer(builder.Configuration, settings);
        configure?.Invoke(builder);
        var app = builder.Build();
        app.UseOpenLfrServer();
        return app;
    }
}
