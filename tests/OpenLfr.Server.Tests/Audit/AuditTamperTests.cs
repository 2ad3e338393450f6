using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OpenLfr.Server.Tests.Infrastructure;

namespace OpenLfr.Server.Tests.Audit;

/// <summary>The audit chain detects altered, removed and reordered entries in the real database, via the API.</summary>
public sealed class AuditTamperTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var db in new[] { DatabaseKind.Sqlite, DatabaseKind.Postgres })
            foreach (var tamper in new[] { "alter", "remove", "reorder" })
                data.Add(db, tamper);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Verify_reports_the_first_tampered_entry(string database, string tamper)
    {
        using var factory = new LfrFactory(database);
        var admin = await factory.SignInAsync("admin");
        await admin.PostAsync<JsonElement>("/api/users", new { userName = "auditor", displayName = "A", password = Scenario.Password, roles = new[] { "Auditor" } }, System.Net.HttpStatusCode.Created);
        for (var i = 0; i < 3; i++)
            await admin.PostAsync<JsonElement>("/api/cameras", new { name = $"cam-{i}", source = "x" }, System.Net.HttpStatusCode.Created);
        var auditor = await factory.SignInAsync("auditor", Scenario.Password);
        Assert.True((await auditor.GetAsync<JsonElement>("/api/audit/verify")).GetProperty("valid").GetBoolean());

        await using (var db = factory.OpenDb())
        {
            // The table refuses changes; an attacker with DDL rights drops the triggers first.
            var refused = await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlRawAsync("""DELETE FROM "AuditEntries" WHERE "Sequence" = 3"""));
            Assert.Contains("append-only", refused.Message + refused.InnerException?.Message);
            await db.Database.ExecuteSqlRawAsync(database == DatabaseKind.Postgres
                ? """DROP TRIGGER "AuditEntries_append_only" ON "AuditEntries";"""
                : """DROP TRIGGER "AuditEntries_no_update"; DROP TRIGGER "AuditEntries_no_delete";""");
            var sql = tamper switch
            {
                "alter" => """UPDATE "AuditEntries" SET "ActorName" = 'someone-else' WHERE "Sequence" = 3""",
                "remove" => """DELETE FROM "AuditEntries" WHERE "Sequence" = 3""",
                // Swap entries 3 and 4 (through a spare number, as the sequence is the key).
                _ => """UPDATE "AuditEntries" SET "Sequence" = -3 WHERE "Sequence" = 3;UPDATE "AuditEntries" SET "Sequence" = 3 WHERE "Sequence" = 4;UPDATE "AuditEntries" SET "Sequence" = 4 WHERE "Sequence" = -3""",
            };
            foreach (var statement in sql.Split(';'))
                Assert.Equal(1, await db.Database.ExecuteSqlRawAsync(statement));
        }
        var result = await auditor.GetAsync<JsonElement>("/api/audit/verify");
        Assert.False(result.GetProperty("valid").GetBoolean());
        Assert.Equal(3, result.GetProperty("firstBadSequence").GetInt64());
        var problem = result.GetProperty("problem").GetString()!;
        Assert.Contains(tamper switch { "alter" => "altered", "remove" => "missing", _ => "does not link" }, problem);
    }
}
