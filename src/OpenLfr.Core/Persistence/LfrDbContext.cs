using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using OpenLfr.Core.Alerts;
using OpenLfr.Core.Audit;
using OpenLfr.Core.Cameras;
using OpenLfr.Core.Deployments;
using OpenLfr.Core.Identity;
using OpenLfr.Core.Retention;
using OpenLfr.Core.Watchlists;

namespace OpenLfr.Core.Persistence;

/// <summary>
/// The OpenLFR database. Provider-specific subclasses (<see cref="SqliteLfrDbContext"/>,
/// <see cref="PostgresLfrDbContext"/>) exist only so each provider has its own migration set.
/// </summary>
public abstract class LfrDbContext : IdentityDbContext<LfrUser, IdentityRole<Guid>, Guid>
{
    protected LfrDbContext(DbContextOptions options) : base(options)
    {
    }

    public DbSet<Watchlist> Watchlists => Set<Watchlist>();
    public DbSet<Subject> Subjects => Set<Subject>();
    public DbSet<SubjectImage> SubjectImages => Set<SubjectImage>();
    public DbSet<Camera> Cameras => Set<Camera>();
    public DbSet<Deployment> Deployments => Set<Deployment>();
    public DbSet<DeploymentCamera> DeploymentCameras => Set<DeploymentCamera>();
    public DbSet<Alert> Alerts => Set<Alert>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DeletionRecord> DeletionRecords => Set<DeletionRecord>();
    public DbSet<CameraWorkers.CameraLease> CameraLeases => Set<CameraWorkers.CameraLease>();
    public DbSet<CameraWorkers.CameraStatus> CameraStatuses => Set<CameraWorkers.CameraStatus>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(LfrDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every DateTime is UTC; SQLite forgets the kind, so restore it on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
    }
}
