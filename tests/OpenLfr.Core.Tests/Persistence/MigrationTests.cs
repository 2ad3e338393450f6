using Microsoft.EntityFrameworkCore;
using OpenLfr.Core.Persistence;

namespace OpenLfr.Core.Tests.Persistence;

/// <summary>Each provider's migration set matches the model (no change was made without a migration).</summary>
public sealed class MigrationTests
{
    [Theory]
    [InlineData("Data Source=unused.db")]
    [InlineData("Host=localhost;Database=unused;Username=u;Password=p")]
    public void Migrations_are_up_to_date_with_the_model(string connectionString)
    {
        using var db = PersistenceServiceCollectionExtensions.CreateContext(new DatabaseOptions { ConnectionString = connectionString });
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "The model changed without a migration: run scripts/add-migration NAME.");
    }

    [Theory]
    [InlineData("Data Source=/tmp/x.db", DatabaseProvider.Sqlite)]
    [InlineData("/var/lib/openlfr/openlfr.db", DatabaseProvider.Sqlite)]
    [InlineData("Host=db;Database=openlfr;Username=lfr", DatabaseProvider.Postgres)]
    [InlineData("postgres://lfr:secret@db:5433/openlfr", DatabaseProvider.Postgres)]
    public void The_connection_string_selects_the_provider(string connectionString, DatabaseProvider expected)
    {
        var options = new DatabaseOptions { ConnectionString = connectionString };
        Assert.Equal(expected, options.Provider);
        Assert.True(new DatabaseOptionsValidator().Validate(null, options).Succeeded);
    }
}
