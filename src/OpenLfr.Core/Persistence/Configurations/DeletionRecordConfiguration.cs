using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenLfr.Core.Retention;

namespace OpenLfr.Core.Persistence.Configurations;

internal sealed class DeletionRecordConfiguration : IEntityTypeConfiguration<DeletionRecord>
{
    public void Configure(EntityTypeBuilder<DeletionRecord> b)
    {
        b.HasKey(r => r.Id);
        b.Property(r => r.Kind).HasMaxLength(40).IsRequired();
        b.Property(r => r.EntityId).HasMaxLength(100).IsRequired();
        b.Property(r => r.Reason).HasMaxLength(1000).IsRequired();
        b.Property(r => r.DeletedBy).HasMaxLength(256).IsRequired();
        b.HasIndex(r => r.DeletedAtUtc);
    }
}
