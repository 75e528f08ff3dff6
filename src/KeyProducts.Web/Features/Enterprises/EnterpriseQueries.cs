using ClosedXML.Excel;
using KeyProducts.Core.Common;
using KeyProducts.Core.Enterprises;
using KeyProducts.Web.Data;
using KeyProducts.Web.Pages.Shared;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Enterprises;

public sealed record EnterpriseFilter(string? Q, EnterpriseStatus? Status, int? SectorId, string? Commune);

public sealed record EnterpriseRow(
    int Id,
    string TaxCode,
    string NameVi,
    string? NameEn,
    EnterpriseStatus Status,
    string? Sector,
    string? Commune,
    string ContactName,
    string ContactPhone,
    string ContactEmail,
    DateTimeOffset CreatedAt,
    int Products
);

/// <summary>The officers' list of enterprises: one query whatever the number of rows.</summary>
public sealed class EnterpriseQueries(AppDbContext db)
{
    public const int PageSize = 50;

    /// <summary>Past this many matches the list says "more than 1,000" instead of counting them all (decision
    /// 0012).</summary>
    public const int MaxExactTotal = 1000;

    /// <summary>The number of matches when at most <see cref="MaxExactTotal"/>, else <c>MaxExactTotal + 1</c>: the
    /// count stops reading there.</summary>
    public Task<int> CountUpToAsync(EnterpriseFilter f, CancellationToken ct) =>
        Filtered(f).Select(e => e.Id).Take(MaxExactTotal + 1).CountAsync(ct);

    public IQueryable<EnterpriseRow> Rows(EnterpriseFilter f) =>
        Filtered(f)
            .OrderBy(e => e.Status == EnterpriseStatus.Pending ? 0 : 1)
            .ThenBy(e => e.NameVi)
            .ThenBy(e => e.Id)
            .Select(e => new EnterpriseRow(
                e.Id,
                e.TaxCode,
                e.NameVi,
                e.NameEn,
                e.Status,
                db.Sectors.Where(x => x.Id == e.SectorId).Select(x => x.NameVi).FirstOrDefault(),
                db.AdministrativeUnits.Where(u => u.Code == e.HeadOffice.CommuneCode)
                    .Select(u => u.Name)
                    .FirstOrDefault(),
                e.ContactName,
                e.ContactPhone,
                e.ContactEmail,
                e.CreatedAt,
                db.Products.Count(p => p.EnterpriseId == e.Id)
            ));

    private IQueryable<Enterprise> Filtered(EnterpriseFilter f)
    {
        var q = db.Enterprises.AsNoTracking();
        var folded = SearchText.Query(f.Q);
        if (folded.Length > 0)
        {
            var pattern = SearchText.LikePattern(folded);
            q = q.Where(e => EF.Functions.Like(e.SearchText, pattern, "\\"));
        }
        if (f.Status is { } s)
            q = q.Where(e => e.Status == s);
        if (f.SectorId is { } sector)
            q = q.Where(e => e.SectorId == sector);
        if (!string.IsNullOrWhiteSpace(f.Commune))
            q = q.Where(e =>
                e.HeadOffice.CommuneCode == f.Commune
                || e.HeadOffice.DistrictCode == f.Commune
                || e.Factories.Any(x => x.Address.CommuneCode == f.Commune)
            );
        return q;
    }

    /// <summary>The filtered list as .xlsx (column widths set by hand: AdjustToContents needs
    /// System.Drawing).</summary>
    public async Task<byte[]> ExportAsync(EnterpriseFilter f, Func<string, string> l, CancellationToken ct)
    {
        var rows = await Rows(f).ToListAsync(ct);
        using var wb = new XLWorkbook();
        var ws = wb.Worksheets.Add(l("Doanh nghiệp"));
        string[] headers =
        [
            "STT",
            "Mã số thuế",
            "Tên doanh nghiệp",
            "Tên tiếng Anh",
            "Trạng thái",
            "Ngành chính",
            "Phường/xã",
            "Người liên hệ",
            "Điện thoại",
            "Email liên hệ",
            "Ngày đăng ký",
            "Số sản phẩm",
        ];
        double[] widths = [6, 16, 48, 36, 16, 30, 26, 24, 16, 30, 14, 12];
        for (var c = 0; c < headers.Length; c++)
        {
            ws.Cell(1, c + 1).Value = l(headers[c]);
            ws.Column(c + 1).Width = widths[c];
        }
        ws.Row(1).Style.Font.Bold = true;
        var r = 2;
        foreach (var e in rows)
        {
            ws.Cell(r, 1).Value = r - 1;
            ws.Cell(r, 2).SetValue(e.TaxCode);
            ws.Cell(r, 3).Value = e.NameVi;
            ws.Cell(r, 4).Value = e.NameEn ?? "";
            ws.Cell(r, 5).Value = l(EnterpriseStatusText.Of(e.Status));
            ws.Cell(r, 6).Value = e.Sector ?? "";
            ws.Cell(r, 7).Value = e.Commune ?? "";
            ws.Cell(r, 8).Value = e.ContactName;
            ws.Cell(r, 9).SetValue(e.ContactPhone);
            ws.Cell(r, 10).Value = e.ContactEmail;
            ws.Cell(r, 11).Value = VnFormat.Date(e.CreatedAt);
            ws.Cell(r, 12).Value = e.Products;
            r++;
        }
        ws.Range(1, 1, Math.Max(1, r - 1), ws.LastColumnUsed()?.ColumnNumber() ?? 1).SetAutoFilter();
        ws.SheetView.FreezeRows(1);
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }
}

public static class EnterpriseFeatures
{
    public static IServiceCollection AddEnterpriseFeatures(this IServiceCollection services) =>
        services
            .AddScoped<EnterpriseAccess>()
            .AddScoped<RegisterEnterprise>()
            .AddScoped<VerifyEnterprise>()
            .AddScoped<RejectEnterprise>()
            .AddScoped<UpdateEnterpriseProfile>()
            .AddScoped<InviteColleague>()
            .AddScoped<AcceptInvitation>()
            .AddScoped<SaveProduct>()
            .AddScoped<DeleteProduct>()
            .AddScoped<EnterpriseQueries>();
}
