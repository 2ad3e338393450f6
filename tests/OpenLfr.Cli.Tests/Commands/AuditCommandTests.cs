using Microsoft.EntityFrameworkCore;
using OpenLfr.Core;
using OpenLfr.Core.Audit;
using OpenLfr.Core.Persistence;
using OpenLfr.Testing;

namespace OpenLfr.Cli.Tests.Commands;

/// <summary><c>lfr audit verify</c> and <c>lfr serve</c> start-up errors, run as real subprocesses.</summary>
public sealed class AuditCommandTests
{
    [Fact]
    public async Task Audit_verify_passes_an_intact_chain_and_names_the_altered_entry()
    {
        var directory = Path.Combine(Path.GetTempPath(), "openlfr-cli-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(directory);
        var file = Path.Combine(directory, "openlfr.db");
        try
        {
            var options = new DatabaseOptions { ConnectionString = file };
            await using (var db = PersistenceServiceCollectionExtensions.CreateContext(options))
            {
                await db.Database.MigrateAsync();
                var log = new AuditLog(TimeProvider.System);
                for (var i = 0; i < 4; i++) await log.CommitAsync(db, Actor.System("test"), new AuditEvent("thing.done", "thing", i.ToString()));
            }
            var intact = CliRunner.Run(["audit", "verify", "--db", file]);
            Assert.Equal(0, intact.ExitCode);
            Assert.Contains("audit chain intact: 4 entries", intact.Stdout);

            await using (var db = PersistenceServiceCollectionExtensions.CreateContext(options))
            {
                await db.Database.ExecuteSqlRawAsync("""DROP TRIGGER "AuditEntries_no_update";""");
                await db.Database.ExecuteSqlRawAsync("""UPDATE "AuditEntries" SET "EntityId" = '99' WHERE "Sequence" = 2""");
            }
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            var broken = CliRunner.Run(["audit", "verify", "--db", file]);
            Assert.Equal(1, broken.ExitCode);
            Assert.Contains("BROKEN at entry 2", broken.Stderr);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Serve_without_a_data_key_for_an_explicit_database_is_a_clear_error()
    {
        var directory = Path.Combine(Path.GetTempPath(), "openlfr-cli-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var result = CliRunner.Run(["serve", "--db", Path.Combine(directory, "x.db"), "--urls", "http://127.0.0.1:0"],
                new Dictionary<string, string> { ["OPENLFR_DATA_KEY"] = "", ["OPENLFR_DATA"] = directory }, TimeSpan.FromMinutes(2));
            Assert.Equal(2, result.ExitCode);
            Assert.Contains("No data key", result.Stderr);
            Assert.Contains("OPENLFR_DATA_KEY", result.Stderr);
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }
}
