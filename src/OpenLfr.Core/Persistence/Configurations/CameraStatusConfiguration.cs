using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenLfr.Core.Cameras;
using OpenLfr.Core.CameraWorkers;

namespace OpenLfr.Core.Persistence.Configurations;

internal sealed class CameraStatusConfiguration : IEntityTypeConfiguration<CameraStatus>
{
    public void Configure(EntityTypeBuilder<CameraStatus> b)
    {
        // One row per camera: whichever node processes it now overwrites it.
        b.HasKey(s => s.CameraId);
        b.Property(s => s.NodeId).HasMaxLength(200).IsRequired();
        b.Property(s => s.Problem).HasMaxLength(CameraStatus.MaxProblemLength);
        b.HasIndex(s => s.NodeId);
        b.HasOne<Camera>().WithMany().HasForeignKey(s => s.CameraId).OnDelete(DeleteBehavior.Cascade);
    }
}
