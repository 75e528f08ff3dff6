using KeyProducts.Core.Common;
using KeyProducts.Core.Council;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Enterprises;
using KeyProducts.Core.Program;
using KeyProducts.Core.Recognition;
using KeyProducts.Core.Reference;
using KeyProducts.Core.Rounds;
using KeyProducts.Core.Rulebook;
using KeyProducts.Web.Infrastructure.Audit;
using KeyProducts.Web.Infrastructure.Mail;
using KeyProducts.Web.Infrastructure.Storage;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Data;

/// <summary>The one model of the system. Provider subclasses exist only to hold their own migrations.
/// Features may add their DbSets in a partial file beside their code.</summary>
public partial class AppDbContext
    : IdentityDbContext<ApplicationUser>,
        Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    private readonly AuditRecorder? _audit;

    public AppDbContext(DbContextOptions options, AuditRecorder? audit = null)
        : base(options) => _audit = audit;

    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<Notification> Notifications => Set<Notification>();
    public DbSet<StoredFileRecord> StoredFiles => Set<StoredFileRecord>();

    /// <summary>The data-protection key ring (cookies, antiforgery tokens), shared by every app node through the
    /// database.</summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys =>
        Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    public DbSet<Sector> Sectors => Set<Sector>();
    public DbSet<AdministrativeUnit> AdministrativeUnits => Set<AdministrativeUnit>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<HighTechProduct> HighTechProducts => Set<HighTechProduct>();

    public DbSet<Enterprise> Enterprises => Set<Enterprise>();
    public DbSet<Factory> Factories => Set<Factory>();
    public DbSet<EnterpriseInvitation> EnterpriseInvitations => Set<EnterpriseInvitation>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<IntellectualProperty> IntellectualProperties => Set<IntellectualProperty>();

    public DbSet<CriteriaSet> CriteriaSets => Set<CriteriaSet>();
    public DbSet<CriteriaGroup> CriteriaGroups => Set<CriteriaGroup>();
    public DbSet<Indicator> Indicators => Set<Indicator>();
    public DbSet<ScoreBand> ScoreBands => Set<ScoreBand>();
    public DbSet<EligibilityTrack> EligibilityTracks => Set<EligibilityTrack>();
    public DbSet<EligibilityCondition> EligibilityConditions => Set<EligibilityCondition>();

    public DbSet<Phase> Phases => Set<Phase>();
    public DbSet<Round> Rounds => Set<Round>();
    public DbSet<ChecklistItem> ChecklistItems => Set<ChecklistItem>();
    public DbSet<RoundDocument> RoundDocuments => Set<RoundDocument>();
    public DbSet<DeadlineExtension> DeadlineExtensions => Set<DeadlineExtension>();

    public DbSet<Dossier> Dossiers => Set<Dossier>();
    public DbSet<DossierHistory> DossierHistory => Set<DossierHistory>();
    public DbSet<DossierFigure> DossierFigures => Set<DossierFigure>();
    public DbSet<ConditionAnswer> ConditionAnswers => Set<ConditionAnswer>();
    public DbSet<SelfAssessment> SelfAssessments => Set<SelfAssessment>();
    public DbSet<DossierDocument> DossierDocuments => Set<DossierDocument>();
    public DbSet<SupplementRequest> SupplementRequests => Set<SupplementRequest>();
    public DbSet<SupplementItem> SupplementItems => Set<SupplementItem>();
    public DbSet<DossierSnapshot> DossierSnapshots => Set<DossierSnapshot>();
    public DbSet<SiteInspection> SiteInspections => Set<SiteInspection>();

    public DbSet<SelectionCouncil> Councils => Set<SelectionCouncil>();
    public DbSet<CouncilMember> CouncilMembers => Set<CouncilMember>();
    public DbSet<IndicatorAssignment> IndicatorAssignments => Set<IndicatorAssignment>();
    public DbSet<ConflictOfInterest> Conflicts => Set<ConflictOfInterest>();
    public DbSet<ScoreSheet> ScoreSheets => Set<ScoreSheet>();
    public DbSet<Score> Scores => Set<Score>();
    public DbSet<Attendance> Attendance => Set<Attendance>();
    public DbSet<PublicComment> PublicComments => Set<PublicComment>();

    public DbSet<RecognitionDecision> RecognitionDecisions => Set<RecognitionDecision>();
    public DbSet<Recognition> Recognitions => Set<Recognition>();
    public DbSet<Certificate> Certificates => Set<Certificate>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
        Configurations.ProductConfiguration.ConfigureDirectoryIndexes(builder, Database.IsNpgsql());
        Configurations.EnterpriseConfiguration.ConfigureListOrder(builder, Database.IsNpgsql());
        Configurations.DossierConfiguration.ConfigureQueueOrder(builder, Database.IsNpgsql());
        foreach (
            var type in builder
                .Model.GetEntityTypes()
                .Where(t => typeof(Entity).IsAssignableFrom(t.ClrType) && !t.IsOwned())
        )
            builder.Entity(type.ClrType).Property(nameof(Entity.Version)).IsConcurrencyToken();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        builder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
        builder.Properties<string>().HaveMaxLength(1000);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        SaveChangesAsync(acceptAllChangesOnSuccess).GetAwaiter().GetResult();

    public override async Task<int> SaveChangesAsync(
        bool acceptAllChangesOnSuccess,
        CancellationToken cancellationToken = default
    )
    {
        ChangeTracker.DetectChanges();
        foreach (var e in ChangeTracker.Entries())
            if (e.State is EntityState.Added or EntityState.Modified && e.Entity is ISearchable s)
                s.RefreshSearchText();
        await DirectorySearchColumn.RefreshAsync(this, cancellationToken);
        ChangeTracker.DetectChanges();
        foreach (var e in ChangeTracker.Entries())
            if (e.State == EntityState.Modified && e.Entity is Entity entity)
                entity.Version++;
        var pending = _audit?.Capture(ChangeTracker) ?? [];
        var direct = ChangeTracker
            .Entries<AuditEntry>()
            .Where(e => e.State == EntityState.Added && e.Entity.Hash is null)
            .Select(e => e.Entity)
            .ToList();
        if (pending.Count == 0 && direct.Count == 0)
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        // Audit rows need the keys of added records, so the change and its audit are saved in one transaction, which
        // also holds the audit chain's append lock until it commits.
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var last = AuditChain.Link(direct, await AuditChain.BeginAppendAsync(this, cancellationToken));
            var result = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (pending.Count > 0)
            {
                var entries = _audit!.Complete(pending).ToList();
                AuditChain.Link(entries, last);
                AuditEntries.AddRange(entries);
                await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            }
            if (own is not null)
                await own.CommitAsync(cancellationToken);
            return result;
        }
        finally
        {
            if (own is not null)
                await own.DisposeAsync();
        }
    }
}
