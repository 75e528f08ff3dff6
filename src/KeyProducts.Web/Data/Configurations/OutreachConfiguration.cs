using KeyProducts.Core.Outreach;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeyProducts.Web.Data.Configurations;

internal sealed class OutreachConfiguration
    : IEntityTypeConfiguration<OutreachPlace>,
        IEntityTypeConfiguration<OutreachEvent>,
        IEntityTypeConfiguration<EventRegistration>,
        IEntityTypeConfiguration<MediaLogEntry>,
        IEntityTypeConfiguration<MobilizationTarget>,
        IEntityTypeConfiguration<TargetThresholds>
{
    public void Configure(EntityTypeBuilder<OutreachPlace> b)
    {
        b.HasIndex(p => p.Code).IsUnique();
        b.HasIndex(p => p.SearchText);
        b.HasIndex(p => new { p.Kind, p.CommuneCode });
    }

    public void Configure(EntityTypeBuilder<OutreachEvent> b)
    {
        b.HasIndex(e => e.StartsAt);
        b.Property(e => e.Programme).HasMaxLength(8000);
        b.Property(e => e.Audience).HasMaxLength(2000);
        b.HasOne<OutreachPlace>().WithMany().HasForeignKey(e => e.PlaceId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(e => e.Registrations)
            .WithOne(r => r.Event)
            .HasForeignKey(r => r.EventId)
            .OnDelete(DeleteBehavior.Cascade);
        b.HasMany(e => e.Materials).WithOne().HasForeignKey(m => m.EventId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(e => e.ConfirmedCount);
        b.Ignore(e => e.IsFull);
    }

    public void Configure(EntityTypeBuilder<EventRegistration> b)
    {
        b.HasIndex(r => r.Token).IsUnique();
        b.HasIndex(r => new { r.EventId, r.Email });
        b.HasIndex(r => r.TaxCode);
        b.Property(r => r.Token).HasMaxLength(64);
        b.Ignore(r => r.IsActive);
    }

    public void Configure(EntityTypeBuilder<MediaLogEntry> b)
    {
        b.HasIndex(m => m.PublishedOn);
        b.HasOne<OutreachEvent>().WithMany().HasForeignKey(m => m.EventId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<MobilizationTarget> b)
    {
        b.HasIndex(t => new { t.Year, t.TaxCode }).IsUnique();
        b.HasIndex(t => t.TaxCode);
        b.HasIndex(t => t.SearchText);
        b.HasMany(t => t.Contacts)
            .WithOne(c => c.Target)
            .HasForeignKey(c => c.TargetId)
            .OnDelete(DeleteBehavior.Cascade);
        b.HasOne<ApplicationUser>().WithMany().HasForeignKey(t => t.OwnerUserId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<TargetThresholds> b) => b.HasIndex(t => t.Year).IsUnique();
}
