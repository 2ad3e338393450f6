using Microsoft.EntityFrameworkCore;
using OpenLfr.Core.Identity;
using OpenLfr.Core.Persistence;

namespace OpenLfr.Server.Hosting;

/// <summary>
/// Applies migrations and seeds roles and the first administrator before the server takes requests
/// (hosted services start before the server listens). A generated administrator password is printed
/// once, to standard output, and never stored in clear.
/// </summary>
internal sealed class DatabaseInitializer(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LfrDbContext>();
        if (db.Database.IsSqlite() && db.Database.GetDbConnection().DataSource is { Length: > 0 } file && file != ":memory:")
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        await db.Database.MigrateAsync(cancellationToken);
        var password = configuration["Admin:Password"] ?? configuration[AdministratorSeeder.PasswordVariable];
        var generated = await scope.ServiceProvider.GetRequiredService<AdministratorSeeder>().SeedAsync(password);
        if (generated is not null)
        {
            Console.Out.WriteLine($"""

                ==================================================================
                 First run: created the administrator.
                   user name: {AdministratorSeeder.AdminUserName}
                   password:  {generated}
                 This password is shown once. Sign in and create the other users.
                ==================================================================

                """);
        }
        logger.LogInformation("Database ready ({Provider})", db.Database.ProviderName);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
