using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenLfr.Core.Cameras;
using OpenLfr.Core.Deployments;
using OpenLfr.Core.Watchlists;

namespace OpenLfr.Core.Persistence.Configurations;

internal sealed class DeploymentConfiguration : IEntityTypeConfiguration<Deployment>
{
    public void Configure(EntityTypeBuilder<Deployment> b)
    {
        b.HasKey(d => d.Id);
        b.Property(d => d.Name).HasMaxLength(200).IsRequired();
        b.Property(d => d.Place).HasMaxLength(1000).IsRequired();
        foreach (var text in new[] { nameof(Deployment.PlaceJustification), nameof(Deployment.Purpose), nameof(Deployment.Necessity), nameof(Deployment.Proportionality), nameof(Deployment.AuthorisationNotes), nameof(Deployment.EndReason), nameof(Deployment.ReviewConclusions) })
            b.Property(text).HasMaxLength(8000);
        foreach (var name in new[] { nameof(Deployment.CreatedByName), nameof(Deployment.AuthorisedByName), nameof(Deployment.ActivatedByName), nameof(Deployment.ReviewedByName), nameof(Deployment.AuthoriserRank) })
            b.Property(name).HasMaxLength(256);
        b.Property(d => d.DpiaReference).HasMaxLength(200);
        b.Property(d => d.AppropriatePolicyDocumentReference).HasMaxLength(200);
        b.Property(d => d.Embedder).HasMaxLength(64).IsRequired().HasDefaultValue("");
        b.Property(d => d.Status).HasConversion<string>().HasMaxLength(20);
        // One deployment per watchlist: a watchlist is built for one operation.
        b.HasIndex(d => d.WatchlistId).IsUnique();
        b.HasIndex(d => new { d.Status, d.EndsAtUtc });
        b.HasOne<Watchlist>().WithMany().HasForeignKey(d => d.WatchlistId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(d => d.Cameras).WithOne().HasForeignKey(c => c.DeploymentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DeploymentCameraConfiguration : IEntityTypeConfiguration<DeploymentCamera>
{
    public void Configure(EntityTypeBuilder<DeploymentCamera> b)
    {
        b.HasKey(c => new { c.DeploymentId, c.CameraId });
        b.HasOne<Camera>().WithMany().HasForeignKey(c => c.CameraId).OnDelete(DeleteBehavior.Restrict);
    }
}
