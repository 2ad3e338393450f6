using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace OpenLfr.Core.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="LfrDbContext"/> as the provider-specific context named by the connection string.
    /// The connection string is read once here, because the provider decides which context type exists.
    /// </summary>
    public static IServiceCollection AddLfrPersistence(this IServiceCollection services, DatabaseOptions database)
    {
        services.AddOptions<DatabaseOptions>().Configure(o => o.ConnectionString = database.ConnectionString).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        var connection = database.ConnectionString.Length == 0 ? "" : database.NormalisedConnectionString();
        if (database.Provider == DatabaseProvider.Postgres)
            services.AddDbContext<LfrDbContext, PostgresLfrDbContext>(o => o.UseNpgsql(connection));
        else
            services.AddDbContext<LfrDbContext, SqliteLfrDbContext>(o => o.UseSqlite(connection));
        return services;
    }

    /// <summary>Creates a context for tools (<c>lfr audit verify</c>, migrations) without a host.</summary>
    public static LfrDbContext CreateContext(DatabaseOptions database)
    {
        var connection = database.NormalisedConnectionString();
        return database.Provider == DatabaseProvider.Postgres
            ? new PostgresLfrDbContext(new DbContextOptionsBuilder<PostgresLfrDbContext>().UseNpgsql(connection).Options)
            : new SqliteLfrDbContext(new DbContextOptionsBuilder<SqliteLfrDbContext>().UseSqlite(connection).Options);
    }
}
