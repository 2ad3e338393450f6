using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using OpenLfr.Core.Audit;
using OpenLfr.Core.Persistence;

namespace OpenLfr.Core.Tests.Audit;

/// <summary>The hash chain on a real (in-memory SQLite) database.</summary>
public sealed class AuditChainTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly SqliteLfrDbContext _db;

    public AuditChainTests()
    {
        _connection.Open();
        _db = new SqliteLfrDbContext(new DbContextOptionsBuilder<SqliteLfrDbContext>().UseSqlite(_connection).Options);
        _db.Database.Migrate();
    }

    [Fact]
    public async Task Entries_link_to_their_predecessors_and_verify()
    {
        var log = new AuditLog(TimeProvider.System);
        for (var i = 0; i < 5; i++)
            await log.CommitAsync(_db, new Actor(Guid.NewGuid(), "user" + i), new AuditEvent("thing.done", "thing", i.ToString(), new { i }));
        var entries = await _db.AuditEntries.OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal([1L, 2, 3, 4, 5], entries.Select(e => e.Sequence));
        Assert.Equal(AuditChain.GenesisHash, entries[0].PreviousHash);
        for (var i = 1; i < entries.Count; i++) Assert.Equal(entries[i - 1].Hash, entries[i].PreviousHash);
        var result = await AuditVerifier.VerifyAsync(_db);
        Assert.True(result.Valid);
        Assert.Equal(5, result.EntriesChecked);
        Assert.Equal(entries[^1].Hash, result.HeadHash);
    }

    [Fact]
    public void Canonical_form_is_unambiguous()
    {
        var a = new AuditEntry { Sequence = 1, ActorName = "a|b", Action = "c" };
        var b = new AuditEntry { Sequence = 1, ActorName = "a", Action = "b|c" };
        Assert.NotEqual(AuditChain.ComputeHash(AuditChain.GenesisHash, a), AuditChain.ComputeHash(AuditChain.GenesisHash, b));
    }

    [Fact]
    public async Task A_changed_timestamp_is_detected()
    {
        var log = new AuditLog(TimeProvider.System);
        await log.CommitAsync(_db, Actor.System("test"), [new AuditEvent("a", "x", "1"), new AuditEvent("b", "x", "2")]);
        await Assert.ThrowsAsync<Microsoft.Data.Sqlite.SqliteException>(() => _db.Database.ExecuteSqlRawAsync("""UPDATE "AuditEntries" SET "TimestampUtc" = '2020-01-01 00:00:00' WHERE "Sequence" = 2"""));
        await _db.Database.ExecuteSqlRawAsync("""DROP TRIGGER "AuditEntries_no_update";""");
        await _db.Database.ExecuteSqlRawAsync("""UPDATE "AuditEntries" SET "TimestampUtc" = '2020-01-01 00:00:00' WHERE "Sequence" = 2""");
        var result = await AuditVerifier.VerifyAsync(_db);
        Assert.False(result.Valid);
        Assert.Equal(2, result.FirstBadSequence);
    }

    public void Dispose()
    {
        _db.Dispose();
        _connection.Dispose();
    }
}
