using KeyProducts.Core.Council;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Enterprises;
using KeyProducts.Core.Recognition;
using KeyProducts.Core.Reference;
using KeyProducts.Core.Rounds;
using KeyProducts.Core.Rulebook;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeyProducts.Web.Data.Configurations;

internal sealed class CouncilConfiguration
    : IEntityTypeConfiguration<SelectionCouncil>,
        IEntityTypeConfiguration<CouncilMember>,
        IEntityTypeConfiguration<IndicatorAssignment>,
        IEntityTypeConfiguration<ConflictOfInterest>,
        IEntityTypeConfiguration<ScoreSheet>,
        IEntityTypeConfiguration<Score>,
        IEntityTypeConfiguration<Attendance>,
        IEntityTypeConfiguration<PublicComment>
{
    public void Configure(EntityTypeBuilder<SelectionCouncil> b)
    {
        b.HasIndex(c => c.RoundId).IsUnique();
        b.HasOne<Round>().WithMany().HasForeignKey(c => c.RoundId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Members).WithOne().HasForeignKey(m => m.CouncilId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<CouncilMember> b)
    {
        b.HasOne<Agency>().WithMany().HasForeignKey(m => m.AgencyId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<IndicatorAssignment> b)
    {
        b.HasIndex(a => new
            {
                a.CouncilId,
                a.IndicatorId,
                a.MemberId,
            })
            .IsUnique();
        b.HasOne<Indicator>().WithMany().HasForeignKey(a => a.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<CouncilMember>().WithMany().HasForeignKey(a => a.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<SelectionCouncil>().WithMany().HasForeignKey(a => a.CouncilId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<ConflictOfInterest> b)
    {
        b.HasIndex(c => new { c.MemberId, c.EnterpriseId }).IsUnique();
        b.HasOne<CouncilMember>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Enterprise>().WithMany().HasForeignKey(c => c.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<ScoreSheet> b)
    {
        b.HasIndex(s => new
            {
                s.MemberId,
                s.DossierId,
                s.Pass,
            })
            .IsUnique();
        b.HasOne<CouncilMember>().WithMany().HasForeignKey(s => s.MemberId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Dossier>().WithMany().HasForeignKey(s => s.DossierId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(s => s.Scores).WithOne().HasForeignKey(x => x.ScoreSheetId).OnDelete(DeleteBehavior.Cascade);
    }

    public void Configure(EntityTypeBuilder<Score> b)
    {
        b.HasIndex(s => new { s.ScoreSheetId, s.IndicatorId }).IsUnique();
        b.HasOne<Indicator>().WithMany().HasForeignKey(s => s.IndicatorId).OnDelete(DeleteBehavior.Restrict);
        b.Property(s => s.Comment).HasMaxLength(4000);
    }

    public void Configure(EntityTypeBuilder<Attendance> b) =>
        b.HasIndex(a => new { a.CouncilId, a.MemberId }).IsUnique();

    public void Configure(EntityTypeBuilder<PublicComment> b)
    {
        b.HasOne<Round>().WithMany().HasForeignKey(c => c.RoundId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.Content).HasMaxLength(8000);
        b.Property(c => c.Response).HasMaxLength(8000);
    }
}

internal sealed class RecognitionConfiguration
    : IEntityTypeConfiguration<RecognitionDecision>,
        IEntityTypeConfiguration<Recognition>,
        IEntityTypeConfiguration<Certificate>
{
    public void Configure(EntityTypeBuilder<RecognitionDecision> b)
    {
        b.HasIndex(d => new { d.Number, d.Date }).IsUnique();
        b.HasOne<Round>().WithMany().HasForeignKey(d => d.RoundId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<Recognition> b)
    {
        b.HasOne<RecognitionDecision>().WithMany().HasForeignKey(r => r.DecisionId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Product>().WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Enterprise>().WithMany().HasForeignKey(r => r.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        b.HasIndex(r => new { r.ProductId, r.Year }).IsUnique();
        // Covers the leaders' aggregates per year (count, distinct enterprises, Top 10) and the directory's list of
        // years:
        // they read this index only, never the recognitions' rows.
        b.HasIndex(r => new
        {
            r.Year,
            r.EnterpriseId,
            r.Top10,
        });
    }

    public void Configure(EntityTypeBuilder<Certificate> b)
    {
        b.HasIndex(c => c.Serial).IsUnique();
        b.HasOne<Recognition>().WithMany().HasForeignKey(c => c.RecognitionId).OnDelete(DeleteBehavior.Restrict);
    }
}
