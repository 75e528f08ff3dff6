using KeyProducts.Core.Enterprises;
using KeyProducts.Core.Program;
using KeyProducts.Core.Rounds;
using KeyProducts.Core.Rulebook;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeyProducts.Web.Data.Configurations;

internal sealed class RoundConfiguration : IEntityTypeConfiguration<Round>
{
    public void Configure(EntityTypeBuilder<Round> b)
    {
        b.HasIndex(r => r.Year).IsUnique();
        b.HasOne<Phase>().WithMany().HasForeignKey(r => r.PhaseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CriteriaSet>().WithMany().HasForeignKey(r => r.CriteriaSetId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(r => r.Checklist).WithOne().HasForeignKey(c => c.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(r => r.Documents).WithOne().HasForeignKey(d => d.RoundId).OnDelete(DeleteBehavior.Cascade);
        b.Property(r => r.Description).HasMaxLength(8000);
    }
}

internal sealed class DeadlineExtensionConfiguration : IEntityTypeConfiguration<DeadlineExtension>
{
    public void Configure(EntityTypeBuilder<DeadlineExtension> b)
    {
        b.HasIndex(x => new { x.RoundId, x.EnterpriseId });
        b.HasOne<Round>().WithMany().HasForeignKey(x => x.RoundId);
        b.HasOne<Enterprise>().WithMany().HasForeignKey(x => x.EnterpriseId);
    }
}
