using Microsoft.Extensions.Options;

namespace OpenLfr.Core.Persistence;

/// <summary>Fails start-up on an empty or unparsable connection string.</summary>
public sealed class DatabaseOptionsValidator : IValidateOptions<DatabaseOptions>
{
    public ValidateOptionsResult Validate(string? name, DatabaseOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
            return ValidateOptionsResult.Fail("Database:ConnectionString is empty: pass --db (a SQLite file path or a PostgreSQL connection string such as Host=localhost;Database=openlfr;Username=...;Password=...).");
        try
        {
            var normalised = options.NormalisedConnectionString();
            if (options.Provider == DatabaseProvider.Sqlite) _ = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(normalised);
            else _ = new Npgsql.NpgsqlConnectionStringBuilder(normalised);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or UriFormatException or KeyNotFoundException)
        {
            return ValidateOptionsResult.Fail($"Database:ConnectionString cannot be parsed as a {options.Provider} connection string: {e.Message}");
        }
        return ValidateOptionsResult.Success;
    }
}
