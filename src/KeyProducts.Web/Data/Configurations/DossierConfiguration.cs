using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Enterprises;
using KeyProducts.Core.Rounds;
using KeyProducts.Core.Rulebook;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeyProducts.Web.Data.Configurations;

internal sealed class DossierConfiguration : IEntityTypeConfiguration<Dossier>
{
    public void Configure(EntityTypeBuilder<Dossier> b)
    {
        b.Property(d => d.State);
        b.HasIndex(d => d.Code).IsUnique();
        b.HasIndex(d => new { d.RoundId, d.ProductId }).IsUnique();
        b.HasIndex(d => new { d.RoundId, d.State });
        b.HasIndex(d => d.EnterpriseId);
        b.HasOne<Round>().WithMany().HasForeignKey(d => d.RoundId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Enterprise>().WithMany().HasForeignKey(d => d.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Product>().WithMany().HasForeignKey(d => d.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<EligibilityTrack>().WithMany().HasForeignKey(d => d.TrackId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(d => d.Figures).WithOne().HasForeignKey(f => f.DossierId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(d => d.ConditionAnswers).WithOne().HasForeignKey(f => f.DossierId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(d => d.SelfAssessments).WithOne().HasForeignKey(f => f.DossierId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(d => d.Documents).WithOne().HasForeignKey(f => f.DossierId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(d => d.History).WithOne().HasForeignKey(f => f.DossierId).OnDelete(DeleteBehavior.Cascade);
        b.Property(d => d.DecisionReason).HasMaxLength(4000);
    }
}

internal sealed class DossierPartsConfiguration
    : IEntityTypeConfiguration<DossierFigure>,
        IEntityTypeConfiguration<SelfAssessment>,
        IEntityTypeConfiguration<DossierSnapshot>,
        IEntityTypeConfiguration<SupplementRequest>,
        IEntityTypeConfiguration<SiteInspection>,
        IEntityTypeConfiguration<DossierDocument>,
        IEntityTypeConfiguration<ConditionAnswer>
{
    public void Configure(EntityTypeBuilder<DossierFigure> b) =>
        b.HasIndex(f => new { f.DossierId, f.Year }).IsUnique();

    public void Configure(EntityTypeBuilder<SelfAssessment> b)
    {
        b.HasIndex(s => new { s.DossierId, s.IndicatorId }).IsUnique();
        b.HasOne<Indicator>().WithMany().HasForeignKey(s => s.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.Property(s => s.Evidence).HasMaxLength(4000);
    }

    public void Configure(EntityTypeBuilder<ConditionAnswer> b) =>
        b.HasIndex(a => new { a.DossierId, a.ConditionCode }).IsUnique();

    public void Configure(EntityTypeBuilder<DossierSnapshot> b)
    {
        b.Property(s => s.Json).HasMaxLength(1_000_000);
        b.HasIndex(s => new { s.DossierId, s.Revision }).IsUnique();
        b.HasOne<Dossier>().WithMany().HasForeignKey(s => s.DossierId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<SupplementRequest> b)
    {
        b.HasOne<Dossier>().WithMany().HasForeignKey(s => s.DossierId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(s => s.Items).WithOne().HasForeignKey(i => i.SupplementRequestId).OnDelete(DeleteBehavior.Cascade);
        b.Property(s => s.Message).HasMaxLength(4000);
    }

    public void Configure(EntityTypeBuilder<SiteInspection> b)
    {
        b.HasOne<Dossier>().WithMany().HasForeignKey(s => s.DossierId).OnDelete(DeleteBehavior.Cascade);
        b.Property(s => s.Findings).HasMaxLength(8000);
    }

    public void Configure(EntityTypeBuilder<DossierDocument> b)
    {
        b.HasOne<ChecklistItem>().WithMany().HasForeignKey(d => d.ChecklistItemId).OnDelete(DeleteBehavior.Restrict);
        b.Property(d => d.Sha256).HasMaxLength(64);
    }
}
