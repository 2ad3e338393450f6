using Microsoft.EntityFrameworkCore;

namespace OpenLfr.Core.Persistence;

/// <summary>PostgreSQL, chosen by a <c>Host=...</c> connection string; migrations in Migrations/Postgres.</summary>
public sealed class PostgresLfrDbContext(DbContextOptions<PostgresLfrDbContext> options) : LfrDbContext(options);
