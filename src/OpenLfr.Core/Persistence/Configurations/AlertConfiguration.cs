using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenLfr.Core.Alerts;
using OpenLfr.Core.Cameras;
using OpenLfr.Core.Deployments;
using OpenLfr.Core.Watchlists;

namespace OpenLfr.Core.Persistence.Configurations;

internal sealed class AlertConfiguration : IEntityTypeConfiguration<Alert>
{
    public void Configure(EntityTypeBuilder<Alert> b)
    {
        b.HasKey(a => a.Id);
        b.Property(a => a.TrackId).HasMaxLength(100).IsRequired();
        b.Property(a => a.Decision).HasConversion<string>().HasMaxLength(20);
        b.Property(a => a.Outcome).HasConversion<string>().HasMaxLength(30);
        b.Property(a => a.Urgency).HasConversion<string>().HasMaxLength(20);
        foreach (var text in new[] { nameof(Alert.AdjudicationNotes), nameof(Alert.EvidenceReason) })
            b.Property(text).HasMaxLength(4000);
        foreach (var name in new[] { nameof(Alert.AdjudicatedByName), nameof(Alert.OutcomeRecordedByName), nameof(Alert.EvidenceMarkedByName) })
            b.Property(name).HasMaxLength(256);
        b.HasIndex(a => new { a.DeploymentId, a.RaisedAtUtc });
        b.HasIndex(a => a.RaisedAtUtc);
        b.HasIndex(a => a.ChangedAtUtc);
        b.HasOne<Deployment>().WithMany().HasForeignKey(a => a.DeploymentId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Camera>().WithMany().HasForeignKey(a => a.CameraId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Subject>().WithMany().HasForeignKey(a => a.SubjectId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SubjectImage>().WithMany().HasForeignKey(a => a.SubjectImageId).OnDelete(DeleteBehavior.Restrict);
    }
}
