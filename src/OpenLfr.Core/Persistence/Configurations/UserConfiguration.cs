using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OpenLfr.Core.Identity;

namespace OpenLfr.Core.Persistence.Configurations;

internal sealed class UserConfiguration : IEntityTypeConfiguration<LfrUser>
{
    public void Configure(EntityTypeBuilder<LfrUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.Property(u => u.Rank).HasMaxLength(100);
    }
}
