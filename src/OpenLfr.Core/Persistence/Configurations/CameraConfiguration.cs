using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenLfr.Core.Cameras;

namespace OpenLfr.Core.Persistence.Configurations;

internal sealed class CameraConfiguration : IEntityTypeConfiguration<Camera>
{
    public void Configure(EntityTypeBuilder<Camera> b)
    {
        b.HasKey(c => c.Id);
        b.Property(c => c.Name).HasMaxLength(200).IsRequired();
        b.Property(c => c.Source).HasMaxLength(2000).IsRequired();
        b.Property(c => c.Description).HasMaxLength(2000);
        b.HasIndex(c => c.Name).IsUnique();
    }
}
