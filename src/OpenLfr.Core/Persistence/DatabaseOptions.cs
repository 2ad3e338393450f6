namespace OpenLfr.Core.Persistence;

/// <summary>
/// Which database to use (configuration section <c>Database</c>). A connection string starting with
/// <c>Host=</c> (or containing <c>Host=</c>) or a <c>postgres://</c> URL selects PostgreSQL; anything else is a
/// SQLite connection string or file path.
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>SQLite <c>Data Source=...</c>, a SQLite file path, or a PostgreSQL connection string.</summary>
    public string ConnectionString { get; set; } = "";

    public DatabaseProvider Provider => DetectProvider(ConnectionString);

    public static DatabaseProvider DetectProvider(string connectionString)
    {
        var c = connectionString.Trim();
        if (c.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || c.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return DatabaseProvider.Postgres;
        return c.Split(';').Any(part => part.Trim().StartsWith("Host=", StringComparison.OrdinalIgnoreCase) || part.Trim().StartsWith("Server=", StringComparison.OrdinalIgnoreCase))
            ? DatabaseProvider.Postgres
            : DatabaseProvider.Sqlite;
    }

    /// <summary>A SQLite connection string for a bare path; other strings unchanged.</summary>
    public string NormalisedConnectionString()
    {
        var c = ConnectionString.Trim();
        if (Provider == DatabaseProvider.Sqlite && !c.Contains('=')) return $"Data Source={c}";
        if (Provider == DatabaseProvider.Postgres && c.Contains("://", StringComparison.Ordinal)) return PostgresUrl(c);
        return c;
    }

    private static string PostgresUrl(string url)
    {
        var uri = new Uri(url);
        var user = Uri.UnescapeDataString(uri.UserInfo.Split(':')[0]);
        var password = uri.UserInfo.Contains(':') ? Uri.UnescapeDataString(uri.UserInfo[(uri.UserInfo.IndexOf(':') + 1)..]) : "";
        var port = uri.Port > 0 ? uri.Port : 5432;
        return $"Host={uri.Host};Port={port};Database={uri.AbsolutePath.TrimStart('/')};Username={user};Password={password}";
    }
}

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
