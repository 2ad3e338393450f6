using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenLfr.Core.Cameras;
using OpenLfr.Core.CameraWorkers;

namespace OpenLfr.Core.Persistence.Configurations;

internal sealed class CameraLeaseConfiguration : IEntityTypeConfiguration<CameraLease>
{
    public void Configure(EntityTypeBuilder<CameraLease> b)
    {
        // One row per camera: the primary key is what makes two nodes unable to hold the same camera.
        b.HasKey(l => l.CameraId);
        b.Property(l => l.NodeId).HasMaxLength(200).IsRequired();
        b.HasIndex(l => l.NodeId);
        b.HasOne<Camera>().WithMany().HasForeignKey(l => l.CameraId).OnDelete(DeleteBehavior.Cascade);
    }
}
