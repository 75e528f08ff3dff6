using KeyProducts.Core.Enterprises;
using KeyProducts.Core.Reference;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeyProducts.Web.Data.Configurations;

internal sealed class EnterpriseConfiguration : IEntityTypeConfiguration<Enterprise>
{
    /// <summary>Shadow column, false while the enterprise awaits verification: the first key of the officers'
    /// list.</summary>
    public const string NotPending = "NotPending";

    public void Configure(EntityTypeBuilder<Enterprise> b)
    {
        b.Property(e => e.TaxCode).HasMaxLength(14);
        b.HasIndex(e => e.TaxCode).IsUnique();
        b.HasIndex(e => e.SearchText);
        b.HasIndex(e => e.Status);
        // The officers' list: pending verification first, then by name and id (decision 0015). The first key is a
        // column generated from the status (the same SQL on both providers), so one index serves the order and the
        // keyset pages ("after the row whose (NotPending, NameVi, Id) is …") without sorting the table.
        b.Property<bool>(NotPending);
        b.HasIndex(NotPending, nameof(Enterprise.NameVi), nameof(Enterprise.Id));
        b.Property(e => e.NameVi).HasMaxLength(300);
        b.Property(e => e.NameEn).HasMaxLength(300);
        b.OwnsOne(e => e.HeadOffice, a => a.Property(x => x.Street).HasMaxLength(300));
        b.HasMany(e => e.Factories).WithOne().HasForeignKey(f => f.EnterpriseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Sector>().WithMany().HasForeignKey(e => e.SectorId).OnDelete(DeleteBehavior.Restrict);
    }

    /// <summary>PostgreSQL 15 generates only stored columns; SQLite adds a column to a table only as a virtual one
    /// (an index keeps its values all the same). Called from OnModelCreating, which knows the provider.</summary>
    public static void ConfigureListOrder(ModelBuilder builder, bool postgres) =>
        builder
            .Entity<Enterprise>()
            .Property<bool>(NotPending)
            .HasComputedColumnSql($"\"Status\" <> '{nameof(EnterpriseStatus.Pending)}'", stored: postgres);
}

internal sealed class FactoryConfiguration : IEntityTypeConfiguration<Factory>
{
    public void Configure(EntityTypeBuilder<Factory> b) =>
        b.OwnsOne(f => f.Address, a => a.Property(x => x.Street).HasMaxLength(300));
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<EnterpriseInvitation>
{
    public void Configure(EntityTypeBuilder<EnterpriseInvitation> b)
    {
        b.HasIndex(i => i.TokenHash).IsUnique();
        b.HasOne<Enterprise>().WithMany().HasForeignKey(i => i.EnterpriseId);
    }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> b)
    {
        b.HasOne(p => p.Enterprise).WithMany().HasForeignKey(p => p.EnterpriseId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Sector>().WithMany().HasForeignKey(p => p.SectorId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.IntellectualProperties)
            .WithOne()
            .HasForeignKey(i => i.ProductId)
            .OnDelete(DeleteBehavior.Cascade);
        b.Property(p => p.Description).HasMaxLength(4000);
        b.Property(p => p.Certifications).HasMaxLength(2000);
        b.HasIndex(p => p.EnterpriseId);
        // Directory search (decision 0008): product + enterprise text, two folded 1000-character columns and a
        // separator.
        b.Property(p => p.DirectorySearchText).HasMaxLength(2001);
    }

    /// <summary>The directory's indexes differ by provider (decision 0008); called from OnModelCreating, which knows
    /// it.</summary>
    public static void ConfigureDirectoryIndexes(ModelBuilder builder, bool postgres)
    {
        var b = builder.Entity<Product>();
        if (postgres)
        {
            // Ordered by name; the substring search uses a trigram GIN index on the one folded column.
            builder.HasPostgresExtension("pg_trgm");
            b.HasIndex(p => p.SearchText);
            b.HasIndex(p => p.DirectorySearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
        }
        else
        {
            // A broad search walks this index in name order and reads the searched text from it, so a page never reads
            // the wide table rows; a selective one starts from the FTS5 trigram table ProductsSearch (decision 0012),
            // which
            // triggers keep in step. EF must know about the triggers: SQLite refuses RETURNING on a table with them.
            b.HasIndex(p => new { p.SearchText, p.DirectorySearchText });
            b.ToTable(t =>
            {
                t.HasTrigger(DirectorySearchIndex.InsertTrigger);
                t.HasTrigger(DirectorySearchIndex.UpdateTrigger);
                t.HasTrigger(DirectorySearchIndex.DeleteTrigger);
            });
        }
    }
}

internal sealed class ReferenceConfiguration
    : IEntityTypeConfiguration<Sector>,
        IEntityTypeConfiguration<AdministrativeUnit>,
        IEntityTypeConfiguration<Agency>,
        IEntityTypeConfiguration<HighTechProduct>
{
    public void Configure(EntityTypeBuilder<Sector> b) => b.HasIndex(s => s.Code).IsUnique();

    public void Configure(EntityTypeBuilder<AdministrativeUnit> b)
    {
        b.HasIndex(u => u.Code).IsUnique();
        b.HasIndex(u => u.SearchName);
    }

    public void Configure(EntityTypeBuilder<Agency> b)
    {
        b.HasIndex(a => a.Code).IsUnique();
        b.HasOne(a => a.Successor).WithMany().HasForeignKey(a => a.SuccessorId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<HighTechProduct> b) =>
        b.HasIndex(h => new { h.ListDecision, h.Code }).IsUnique();
}
