using KeyProducts.Core.Program;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Data;

public partial class AppDbContext
{
    public DbSet<ProgramTarget> ProgramTargets => Set<ProgramTarget>();
    public DbSet<Measurement> Measurements => Set<Measurement>();
    public DbSet<AnnualReport> AnnualReports => Set<AnnualReport>();
    public DbSet<AnnualReportWindow> AnnualReportWindows => Set<AnnualReportWindow>();
}
