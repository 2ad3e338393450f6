using Microsoft.EntityFrameworkCore;

namespace OpenLfr.Core.Persistence;

/// <summary>The embedded SQLite database (the default for <c>lfr serve</c>); migrations in Migrations/Sqlite.</summary>
public sealed class SqliteLfrDbContext(DbContextOptions<SqliteLfrDbContext> options) : LfrDbContext(options);
