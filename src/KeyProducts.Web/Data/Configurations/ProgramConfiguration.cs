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
        b.HasIndex(t => new
        {
            t.PhaseId,
            t.Indicator,
            t.Basis,
            t.Year,
            t.Cumulative,
        });
        b.Property(t => t.Code).HasMaxLength(60);
        b.HasIndex(t => t.Code).IsUnique();
        b.Property(t => t.Min).HasPrecision(18, 4);
        b.Property(t => t.Max).HasPrecision(18, 4);
        b.Property(t => t.Notes).HasMaxLength(4000);
    }
}

internal sealed class MeasurementConfiguration : IEntityTypeConfiguration<Measurement>
{
    public void Configure(EntityTypeBuilder<Measurement> b)
    {
        b.HasIndex(m => new
            {
                m.Indicator,
                m.Year,
                m.Basis,
            })
            .IsUnique();
        b.Property(m => m.Value).HasPrecision(18, 4);
        b.Property(m => m.Notes).HasMaxLength(4000);
    }
}

internal sealed class AnnualReportConfiguration : IEntityTypeConfiguration<AnnualReport>
{
    public void Configure(EntityTypeBuilder<AnnualReport> b)
    {
        b.HasOne<KeyProducts.Core.Enterprises.Enterprise>()
            .WithMany()
            .HasForeignKey(r => r.EnterpriseId)
            .OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.EnterpriseId, r.Year }).IsUnique();
        b.HasIndex(r => new { r.Year, r.State });
        b.Property(r => r.Notes).HasMaxLength(4000);
        b.Property(r => r.CorrectionNote).HasMaxLength(4000);
        b.Property(r => r.ReviewerId).HasMaxLength(450);
    }
}

internal sealed class AnnualReportWindowConfiguration : IEntityTypeConfiguration<AnnualReportWindow>
{
    public void Configure(EntityTypeBuilder<AnnualReportWindow> b) => b.HasIndex(w => w.Year).IsUnique();
}
