using KeyProducts.Core.Common;
using KeyProducts.Core.Program;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Program;

public sealed record AnnualReportFigures(
    long? ProductRevenueVnd,
    long? ProductProductionValueVnd,
    long? ProductExportUsdCents,
    long? EnterpriseRevenueVnd,
    long? EnterpriseProductionValueVnd,
    long? EnterpriseExportUsdCents,
    int? Employees,
    long? RdSpendingVnd,
    string? Notes
);

/// <summary>Thrown with the problems of each field, so the form shows them beside the fields.</summary>
public sealed class ReportFieldsException(IReadOnlyDictionary<string, string> problems)
    : DomainException("ReportFields", "Báo cáo còn thiếu hoặc sai số liệu, xem thông báo bên cạnh từng ô.")
{
    public IReadOnlyDictionary<string, string> Problems { get; } = problems;
}

/// <summary>The enterprise saves its yearly report as a draft and, with <c>submit</c>, submits it. Only an enterprise
/// due for that year, while the year's window is open or past (late submission is recorded by its date).</summary>
public sealed class SaveAnnualReport(AppDbContext db, AnnualReportQueries queries, TimeProvider time)
{
    public async Task<AnnualReport> ExecuteAsync(
        int enterpriseId,
        int year,
        int version,
        AnnualReportFigures f,
        bool submit,
        CancellationToken ct
    )
    {
        var window = await db.AnnualReportWindows.AsNoTracking().FirstOrDefaultAsync(w => w.Year == year, ct);
        var today = VietnamTime.Today(time);
        if (window is null || today < window.Opens)
            throw new DomainException("WindowClosed", "Kỳ báo cáo năm {0} chưa mở.", year);
        if (!await queries.IsDueAsync(enterpriseId, year, ct))
            throw new DomainException(
                "NotDue",
                "Doanh nghiệp không có sản phẩm được công nhận còn hiệu lực trong năm {0}.",
                year
            );
        var report = await db.AnnualReports.FirstOrDefaultAsync(
            r => r.EnterpriseId == enterpriseId && r.Year == year,
            ct
        );
        if (report is null)
        {
            report = new AnnualReport
            {
                EnterpriseId = enterpriseId,
                Year = year,
                CreatedAt = time.GetUtcNow(),
            };
            db.AnnualReports.Add(report);
        }
        else
            db.Entry(report).Property(r => r.Version).OriginalValue = version;
        report.EnsureEditableByEnterprise();
        Apply(report, f);
        var problems = report.Problems(forSubmission: submit);
        if (problems.Count > 0)
            throw new ReportFieldsException(problems);
        if (submit)
            report.Submit(time.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return report;
    }

    public static void Apply(AnnualReport r, AnnualReportFigures f)
    {
        r.ProductRevenueVnd = f.ProductRevenueVnd;
        r.ProductProductionValueVnd = f.ProductProductionValueVnd;
        r.ProductExportUsdCents = f.ProductExportUsdCents;
        r.EnterpriseRevenueVnd = f.EnterpriseRevenueVnd;
        r.EnterpriseProductionValueVnd = f.EnterpriseProductionValueVnd;
        r.EnterpriseExportUsdCents = f.EnterpriseExportUsdCents;
        r.Employees = f.Employees;
        r.RdSpendingVnd = f.RdSpendingVnd;
        r.Notes = string.IsNullOrWhiteSpace(f.Notes) ? null : f.Notes.Trim();
    }
}
