using KeyProducts.Core.Reference;
using KeyProducts.Core.Rulebook;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeyProducts.Web.Data.Configurations;

internal sealed class CriteriaSetConfiguration : IEntityTypeConfiguration<CriteriaSet>
{
    public void Configure(EntityTypeBuilder<CriteriaSet> b)
    {
        b.OwnsOne(s => s.Rules);
        b.HasMany(s => s.Groups).WithOne().HasForeignKey(g => g.CriteriaSetId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Tracks).WithOne().HasForeignKey(t => t.CriteriaSetId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Conditions).WithOne().HasForeignKey(c => c.CriteriaSetId).OnDelete(DeleteBehavior.Cascade);
        b.Property(s => s.Notes).HasMaxLength(4000);
        b.Ignore(s => s.Indicators);
    }
}

internal sealed class CriteriaGroupConfiguration : IEntityTypeConfiguration<CriteriaGroup>
{
    public void Configure(EntityTypeBuilder<CriteriaGroup> b) =>
        b.HasMany(g => g.Indicators).WithOne().HasForeignKey(i => i.CriteriaGroupId).OnDelete(DeleteBehavior.Cascade);
}

internal sealed class IndicatorConfiguration : IEntityTypeConfiguration<Indicator>
{
    public void Configure(EntityTypeBuilder<Indicator> b)
    {
        b.HasMany(i => i.Bands).WithOne().HasForeignKey(x => x.IndicatorId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Agency>().WithMany().HasForeignKey(i => i.AssignedAgencyId).OnDelete(DeleteBehavior.Restrict);
        b.Property(i => i.Guide).HasMaxLength(4000);
        b.Property(i => i.Evidence).HasMaxLength(2000);
    }
}
