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

/// <summary>One page of the officers' list: <see cref="Page"/> is the number shown (exact for numbered pages, carried
/// along by the cursor links otherwise).</summary>
public sealed record EnterprisePage(List<EnterpriseRow> Rows, int Page, bool IsFirst, bool HasNext);

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

    /// <summary>Pages reachable by number (an <c>OFFSET</c> of at most <see cref="MaxExactTotal"/> rows); the pages
    /// past them are reached by the keyset cursor only.</summary>
    public const int MaxOffsetPage = MaxExactTotal / PageSize + 1;

    /// <summary>Every match in the list's order (the Excel export).</summary>
    public IQueryable<EnterpriseRow> Rows(EnterpriseFilter f) => Project(Ordered(Filtered(f)));

    /// <summary>One page of the list in the order of the index (NotPending, NameVi, Id) (decision 0015): by number
    /// (<paramref name="page"/>, an offset within the counted 1,000 matches), or after or before the row of id
    /// <paramref name="after"/> / <paramref name="before"/> by keyset, so a page 1,000 deep reads what page 1 does. A
    /// cursor costs one more query (its row's key); nothing reads or sorts the whole table.</summary>
    public async Task<EnterprisePage> PageAsync(
        EnterpriseFilter f,
        int page,
        int? after,
        int? before,
        CancellationToken ct
    )
    {
        if ((after ?? before) is { } id)
        {
            var key = await db
                .Enterprises.AsNoTracking()
                .Where(e => e.Id == id)
                .Select(e => new
                {
                    NotPending = EF.Property<bool>(e, NotPendingColumn),
                    e.NameVi,
                    e.Id,
                })
                .FirstOrDefaultAsync(ct);
            if (key is not null && before is not null && after is null)
            {
                var earlier = await Project(
                        Filtered(f, Keyset("<", key.NotPending, key.NameVi, key.Id))
                            .OrderByDescending(e => EF.Property<bool>(e, NotPendingColumn))
                            .ThenByDescending(e => e.NameVi)
                            .ThenByDescending(e => e.Id)
                    )
                    .Take(PageSize + 1)
                    .ToListAsync(ct);
                if (earlier.Count > PageSize)
                {
                    var rows = earlier.Take(PageSize).Reverse().ToList();
                    return new EnterprisePage(rows, Math.Max(2, page), IsFirst: false, HasNext: true);
                }
                // Back at the start: the first page, whole.
                page = 1;
            }
            else if (key is not null)
            {
                var rows = await Project(Ordered(Filtered(f, Keyset(">", key.NotPending, key.NameVi, key.Id))))
                    .Take(PageSize + 1)
                    .ToListAsync(ct);
                return Trim(rows, Math.Max(2, page), isFirst: false);
            }
        }
        page = Math.Clamp(page, 1, MaxOffsetPage);
        var numbered = await Project(Ordered(Filtered(f)))
            .Skip((page - 1) * PageSize)
            .Take(PageSize + 1)
            .ToListAsync(ct);
        return Trim(numbered, page, isFirst: page == 1);
    }

    private static EnterprisePage Trim(List<EnterpriseRow> rows, int page, bool isFirst)
    {
        var hasNext = rows.Count > PageSize;
        if (hasNext)
            rows.RemoveAt(rows.Count - 1);
        return new EnterprisePage(rows, page, isFirst, hasNext);
    }

    /// <summary>The enterprises whose (NotPending, NameVi, Id) is greater (or less) than the given key: a row-value
    /// comparison, which SQLite and PostgreSQL answer by seeking the index at that key (EF writes no row values, and
    /// the expanded <c>a &gt; x OR (a = x AND …)</c> form makes both read the index from its start).</summary>
    private IQueryable<Enterprise> Keyset(string op, bool notPending, string name, int id) =>
        op == ">"
            ? db.Enterprises.FromSql(
                $"""
                SELECT * FROM "Enterprises"
                WHERE ("NotPending", "NameVi", "Id") > ({notPending}, {name}, {id})
                """
            )
            : db.Enterprises.FromSql(
                $"""
                SELECT * FROM "Enterprises"
                WHERE ("NotPending", "NameVi", "Id") < ({notPending}, {name}, {id})
                """
            );

    /// <summary>Pending verification first, then by name and id: the order of the (NotPending, NameVi, Id) index, the
    /// same order as "pending first" over the status.</summary>
    private static IOrderedQueryable<Enterprise> Ordered(IQueryable<Enterprise> q) =>
        q.OrderBy(e => EF.Property<bool>(e, NotPendingColumn)).ThenBy(e => e.NameVi).ThenBy(e => e.Id);

    private IQueryable<EnterpriseRow> Project(IQueryable<Enterprise> q) =>
        q.Select(e => new EnterpriseRow(
            e.Id,
            e.TaxCode,
            e.NameVi,
            e.NameEn,
            e.Status,
            db.Sectors.Where(x => x.Id == e.SectorId).Select(x => x.NameVi).FirstOrDefault(),
            db.AdministrativeUnits.Where(u => u.Code == e.HeadOffice.CommuneCode).Select(u => u.Name).FirstOrDefault(),
            e.ContactName,
            e.ContactPhone,
            e.ContactEmail,
            e.CreatedAt,
            db.Products.Count(p => p.EnterpriseId == e.Id)
        ));

    private const string NotPendingColumn = Data.Configurations.EnterpriseConfiguration.NotPending;

    private IQueryable<Enterprise> Filtered(EnterpriseFilter f, IQueryable<Enterprise>? from = null)
    {
        var q = (from ?? db.Enterprises).AsNoTracking();
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
