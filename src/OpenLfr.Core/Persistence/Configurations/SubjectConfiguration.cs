using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenLfr.Core.Watchlists;

namespace OpenLfr.Core.Persistence.Configurations;

internal sealed class SubjectConfiguration : IEntityTypeConfiguration<Subject>
{
    public void Configure(EntityTypeBuilder<Subject> b)
    {
        b.HasKey(s => s.Id);
        b.Property(s => s.Reference).HasMaxLength(100).IsRequired();
        b.Property(s => s.DisplayName).HasMaxLength(200).IsRequired();
        b.Property(s => s.Category).HasConversion<string>().HasMaxLength(40);
        b.Property(s => s.Urgency).HasConversion<string>().HasMaxLength(20);
        b.Property(s => s.Justification).HasMaxLength(4000);
        b.Property(s => s.UnderAgeOverrideReason).HasMaxLength(4000);
        b.Property(s => s.CreatedByName).HasMaxLength(256);
        b.HasIndex(s => new { s.WatchlistId, s.Reference }).IsUnique();
        b.HasMany(s => s.Images).WithOne(i => i.Subject).HasForeignKey(i => i.SubjectId).OnDelete(DeleteBehavior.Restrict);
    }
}
