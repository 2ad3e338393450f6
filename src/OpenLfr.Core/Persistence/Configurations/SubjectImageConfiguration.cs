using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenLfr.Core.Watchlists;

namespace OpenLfr.Core.Persistence.Configurations;

internal sealed class SubjectImageConfiguration : IEntityTypeConfiguration<SubjectImage>
{
    public void Configure(EntityTypeBuilder<SubjectImage> b)
    {
        b.HasKey(i => i.Id);
        b.Property(i => i.LegalBasis).HasMaxLength(1000).IsRequired();
        b.Property(i => i.Source).HasMaxLength(1000).IsRequired();
        b.Property(i => i.ContentType).HasMaxLength(100);
        b.Property(i => i.EmbedderId).HasMaxLength(100);
        b.Property(i => i.EmbedderVersion).HasMaxLength(100);
        b.Property(i => i.EnrolledByName).HasMaxLength(256);
    }
}
