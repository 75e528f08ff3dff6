using KeyProducts.Core.Support;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Data;

/// <summary>The support programs' tables (issue 12), kept beside the feature.</summary>
public partial class AppDbContext
{
    public DbSet<SupportProgram> SupportPrograms => Set<SupportProgram>();
    public DbSet<SupportBudget> SupportBudgets => Set<SupportBudget>();
    public DbSet<SupportCall> SupportCalls => Set<SupportCall>();
    public DbSet<SupportApplication> SupportApplications => Set<SupportApplication>();
    public DbSet<SupportItem> SupportItems => Set<SupportItem>();
    public DbSet<SupportProductLink> SupportProductLinks => Set<SupportProductLink>();
    public DbSet<SupportDocument> SupportDocuments => Set<SupportDocument>();
    public DbSet<SupportHistory> SupportHistory => Set<SupportHistory>();
    public DbSet<SupportTranche> SupportTranches => Set<SupportTranche>();
}
