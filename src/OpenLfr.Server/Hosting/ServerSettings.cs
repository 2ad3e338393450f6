using Microsoft.Extensions.Configuration;
using OpenLfr.Core.Persistence;
using OpenLfr.Core.Security;

namespace OpenLfr.Server.Hosting;

/// <summary>
/// Resolves where data lives before services are registered: the database (<c>--db</c>,
/// <c>Database:ConnectionString</c> or <c>OPENLFR_DB</c>; default SQLite at <c>$OPENLFR_DATA/openlfr.db</c>,
/// <c>$OPENLFR_DATA</c> defaulting to <c>./.data</c>) and the data key (<c>OPENLFR_DATA_KEY</c>, <c>--key-file</c>
/// or <c>DataKey:KeyFile</c>).
/// </summary>
public sealed record ServerSettings(string DataDirectory, DatabaseOptions Database, bool DefaultDatabase, string? KeyFile, string? Key)
{
    public static ServerSettings From(IConfiguration c)
    {
        var dataDirectory = Path.GetFullPath(First(c["OPENLFR_DATA"], c["DataDirectory"]) ?? ".data");
        var db = First(c["db"], c["Database:ConnectionString"], c["OPENLFR_DB"]);
        var database = new DatabaseOptions { ConnectionString = db ?? $"Data Source={Path.Combine(dataDirectory, "openlfr.db")}" };
        return new ServerSettings(dataDirectory, database, db is null, First(c["key-file"], c["DataKey:KeyFile"]), First(c[DataKeyOptions.EnvironmentVariable], c["DataKey:Key"]));
    }

    /// <summary>
    /// The key file used when nothing is configured and the database is the default local one:
    /// <c>$OPENLFR_DATA/data.key</c>, created (mode 0600) on first run. Any other database needs an explicit key.
    /// </summary>
    public string? ImplicitKeyFile => Key is null && KeyFile is null && DefaultDatabase ? Path.Combine(DataDirectory, "data.key") : null;

    private static string? First(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));
}
