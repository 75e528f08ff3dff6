using KeyProducts.Core.Enterprises;
using KeyProducts.Core.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeyProducts.Web.Data.Configurations;

internal sealed class SupportConfiguration
    : IEntityTypeConfiguration<SupportProgram>,
        IEntityTypeConfiguration<SupportBudget>,
        IEntityTypeConfiguration<SupportCall>,
        IEntityTypeConfiguration<SupportApplication>,
        IEntityTypeConfiguration<SupportProductLink>,
        IEntityTypeConfiguration<SupportTranche>
{
    public void Configure(EntityTypeBuilder<SupportProgram> b)
    {
        b.HasIndex(p => p.Code).IsUnique();
        b.Property(p => p.Eligibility).HasMaxLength(4000);
        b.Ignore(p => p.Rules);
    }

    public void Configure(EntityTypeBuilder<SupportBudget> b)
    {
        b.HasIndex(x => new { x.ProgramId, x.Year }).IsUnique();
        b.HasOne<SupportProgram>().WithMany().HasForeignKey(x => x.ProgramId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(x => x.RemainingVnd);
        // The database itself refuses an over-commitment, whatever the code path.
        b.ToTable(t =>
            t.HasCheckConstraint(
                "CK_SupportBudgets_Committed",
                "\"CommittedVnd\" >= 0 AND \"CommittedVnd\" <= \"AllocatedVnd\""
            )
        );
    }

    public void Configure(EntityTypeBuilder<SupportCall> b)
    {
        b.HasIndex(c => new { c.ProgramId, c.Year });
        b.HasOne<SupportProgram>().WithMany().HasForeignKey(c => c.ProgramId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.DocumentsAsked).HasMaxLength(4000);
        b.Ignore(c => c.DocumentList);
    }

    public void Configure(EntityTypeBuilder<SupportApplication> b)
    {
        b.HasIndex(a => a.Code).IsUnique();
        b.HasIndex(a => new
        {
            a.ProgramId,
            a.Year,
            a.State,
        });
        b.HasIndex(a => a.EnterpriseId);
        b.HasOne<SupportCall>().WithMany().HasForeignKey(a => a.CallId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<SupportProgram>().WithMany().HasForeignKey(a => a.ProgramId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Enterprise>().WithMany().HasForeignKey(a => a.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(a => a.Items).WithOne().HasForeignKey(i => i.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Products).WithOne().HasForeignKey(i => i.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Documents).WithOne().HasForeignKey(i => i.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.History).WithOne().HasForeignKey(i => i.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(a => a.Tranches).WithOne().HasForeignKey(i => i.ApplicationId).OnDelete(DeleteBehavior.Cascade);
        b.Property(a => a.Purpose).HasMaxLength(4000);
        b.Property(a => a.CapReasons).HasMaxLength(4000);
        b.Property(a => a.DecisionReason).HasMaxLength(4000);
        b.ToTable(t =>
            t.HasCheckConstraint(
                "CK_SupportApplications_Disbursed",
                "\"DisbursedVnd\" >= 0 AND (\"ApprovedVnd\" IS NULL OR \"DisbursedVnd\" <= \"ApprovedVnd\")"
            )
        );
    }

    public void Configure(EntityTypeBuilder<SupportProductLink> b)
    {
        b.HasIndex(l => new { l.ApplicationId, l.ProductId }).IsUnique();
        b.HasOne<Product>().WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<SupportTranche> b) =>
        b.HasIndex(t => new { t.ApplicationId, t.Number }).IsUnique();
}
