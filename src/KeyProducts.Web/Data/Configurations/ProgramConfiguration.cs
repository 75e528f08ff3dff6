using KeyProducts.Core.Program;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeyProducts.Web.Data.Configurations;

internal sealed class PhaseConfiguration : IEntityTypeConfiguration<Phase>
{
    public void Configure(EntityTypeBuilder<Phase> b)
    {
        b.HasIndex(p => new { p.StartYear, p.EndYear }).IsUnique();
        b.Property(p => p.Notes).HasMaxLength(4000);
    }
}

internal sealed class ProgramTargetConfiguration : IEntityTypeConfiguration<ProgramTarget>
{
    public void Configure(EntityTypeBuilder<ProgramTarget> b)
    {
        b.HasOne<Phase>().WithMany().HasForeignKey(t => t.PhaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(t => new { t.PhaseId, t.Indicator, t.Basis, t.Year, t.Cumulative }).IsUnique();
        b.Property(t => t.Min).HasPrecision(18, 4);
        b.Property(t => t.Max).HasPrecision(18, 4);
        b.Property(t => t.Notes).HasMaxLength(4000);
    }
}

internal sealed class MeasurementConfiguration : IEntityTypeConfiguration<Measurement>
{
    public void Configure(EntityTypeBuilder<Measurement> b)
    {
        b.HasIndex(m => new { m.Indicator, m.Year, m.Basis }).IsUnique();
        b.Property(m => m.Value).HasPrecision(18, 4);
        b.Property(m => m.Notes).HasMaxLength(4000);
    }
}
