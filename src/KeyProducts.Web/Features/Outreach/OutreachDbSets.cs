using KeyProducts.Core.Outreach;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Data;

/// <summary>Outreach events and the mobilization of large enterprises (issue 11), kept beside the feature.</summary>
public partial class AppDbContext
{
    public DbSet<OutreachPlace> OutreachPlaces => Set<OutreachPlace>();
    public DbSet<OutreachEvent> OutreachEvents => Set<OutreachEvent>();
    public DbSet<EventRegistration> EventRegistrations => Set<EventRegistration>();
    public DbSet<EventMaterial> EventMaterials => Set<EventMaterial>();
    public DbSet<MediaLogEntry> MediaLog => Set<MediaLogEntry>();
    public DbSet<MobilizationTarget> MobilizationTargets => Set<MobilizationTarget>();
    public DbSet<TargetContact> TargetContacts => Set<TargetContact>();
    public DbSet<TargetThresholds> TargetThresholds => Set<TargetThresholds>();
}
