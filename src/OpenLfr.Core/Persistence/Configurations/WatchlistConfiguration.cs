using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenLfr.Core.Watchlists;

namespace OpenLfr.Core.Persistence.Configurations;

internal sealed class WatchlistConfiguration : IEntityTypeConfiguration<Watchlist>
{
    public void Configure(EntityTypeBuilder<Watchlist> b)
    {
        b.HasKey(w => w.Id);
        b.Property(w => w.Name).HasMaxLength(200).IsRequired();
        b.Property(w => w.IntelligenceCase).HasMaxLength(4000).IsRequired();
        b.Property(w => w.CreatedByName).HasMaxLength(256);
        b.HasMany(w => w.Subjects).WithOne(s => s.Watchlist).HasForeignKey(s => s.WatchlistId).OnDelete(DeleteBehavior.Restrict);
    }
}
