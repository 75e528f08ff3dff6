using KeyProducts.Web.Infrastructure.Audit;
using KeyProducts.Web.Infrastructure.Mail;
using KeyProducts.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace KeyProducts.Web.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.Property(a => a.Changes).HasMaxLength(100_000);
        b.Property(a => a.PreviousHash).HasMaxLength(64);
        b.Property(a => a.Hash).HasMaxLength(64);
        b.HasIndex(a => new { a.EntityType, a.EntityId });
        b.HasIndex(a => a.At);
        // The audit log pages by id, newest first (decision 0017): a filter by kind of record or by action reads its
        // index in id order instead of sorting its matches; a record id alone has few matches.
        b.HasIndex(a => new { a.EntityType, a.Id });
        b.HasIndex(a => new { a.Action, a.Id });
        b.HasIndex(a => a.EntityId);
    }
}

internal sealed class OutboxConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.Property(m => m.TextBody).HasMaxLength(100_000);
        b.Property(m => m.HtmlBody).HasMaxLength(200_000);
        b.Property(m => m.Attachment).HasMaxLength(10_000_000);
        b.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
    }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b) => b.HasIndex(n => new { n.UserId, n.ReadAt });
}

internal sealed class StoredFileConfiguration : IEntityTypeConfiguration<StoredFileRecord>
{
    public void Configure(EntityTypeBuilder<StoredFileRecord> b)
    {
        b.HasKey(f => f.Sha256);
        b.Property(f => f.Sha256).HasMaxLength(64);
    }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<ApplicationUser>
{
    public void Configure(EntityTypeBuilder<ApplicationUser> b)
    {
        b.Property(u => u.DisplayName).HasMaxLength(200);
        b.HasIndex(u => u.EnterpriseId);
    }
}

internal sealed class DataProtectionKeyConfiguration
    : IEntityTypeConfiguration<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>
{
    // A key's XML is about 1 KB, more with an encryptor's wrapping: not the model's default string length.
    public void Configure(
        EntityTypeBuilder<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> b
    ) => b.Property(k => k.Xml).HasMaxLength(20_000);
}
