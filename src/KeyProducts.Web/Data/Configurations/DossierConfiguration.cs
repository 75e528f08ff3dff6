using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Enterprises;
using KeyProducts.Core.Rounds;
using KeyProducts.Core.Rulebook;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeyProducts.Web.Data.Configurations;

internal sealed class DossierConfiguration : IEntityTypeConfiguration<Dossier>
{
    /// <summary>Shadow column, true while the dossier has no code (never submitted): the first key of the screening
    /// queue's and the council board's order within a round.</summary>
    public const string Uncoded = "Uncoded";

    public void Configure(EntityTypeBuilder<Dossier> b)
    {
        b.Property(d => d.State);
        b.HasIndex(d => d.Code).IsUnique();
        // The screening queue and the council's progress board: a round's dossiers by code, those without one last,
        // then by id (decision 0016). "Without a code last" is a column generated from the code (the same SQL on both
        // providers, which sort NULL differently), so one index serves the order and the keyset pages.
        b.Property<bool>(Uncoded);
        b.HasIndex(nameof(Dossier.RoundId), Uncoded, nameof(Dossier.Code), nameof(Dossier.Id));
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

    /// <summary>Virtual on SQLite (a column added to a table), stored on PostgreSQL 15 (no virtual ones), as
    /// Enterprises.NotPending. Called from OnModelCreating, which knows the provider.</summary>
    public static void ConfigureQueueOrder(ModelBuilder builder, bool postgres) =>
        builder
            .Entity<Dossier>()
            .Property<bool>(Uncoded)
            .HasComputedColumnSql($"\"{nameof(Dossier.Code)}\" IS NULL", stored: postgres);
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
