using KeyProducts.Core.Enterprises;
using KeyProducts.Core.Recognition;
using KeyProducts.Web.Data.Seed;
using KeyProducts.Web.Infrastructure.Audit;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Tests.Foundation;

/// <summary>Officers' long lists (issue 16): the enterprises (numbered and keyset pages), the certificates and the
/// audit log (first, keyset and filtered pages) run the same number of
/// SQL
/// commands with 30 more enterprises, products, recognitions and certificates (and their audit entries) as without
/// them, so
/// none of them queries per row. The screening queue and the council's progress board have their own such tests
/// (DossierTests, CouncilScoringTests).</summary>
public sealed class OfficerListQueryTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static readonly (string Url, string Email)[] Lists =
    [
        ("/Secretariat/Enterprises", AccountsSeeder.OfficerEmail),
        ("/Secretariat/Enterprises?P=2", AccountsSeeder.OfficerEmail),
        ("/Secretariat/Certificates", AccountsSeeder.OfficerEmail),
        ("/Admin/Audit", AccountsSeeder.AdminEmail),
        ("/Admin/Audit?type=Enterprise&action=Added", AccountsSeeder.AdminEmail),
    ];

    [Fact]
    public async Task Each_list_runs_the_same_number_of_queries_with_thirty_more_rows()
    {
        using var officer = await TestClient.LoggedInAsync(app, AccountsSeeder.OfficerEmail);
        using var admin = await TestClient.LoggedInAsync(app, AccountsSeeder.AdminEmail);
        // A keyset page of the enterprises too: after the first enterprise of the list, whose key does not move.
        var first = await app.WithDbAsync(db =>
            db.Enterprises.OrderBy(e => e.Status == EnterpriseStatus.Pending ? 0 : 1)
                .ThenBy(e => e.NameVi)
                .ThenBy(e => e.Id)
                .Select(e => e.Id)
                .FirstAsync()
        );
        // Keyset pages of the audit log: after and before an entry among the newest, which 30 more rows do not move.
        var entry = await app.WithDbAsync(db =>
            db.AuditEntries.OrderByDescending(a => a.Id).Skip(60).Select(a => a.Id).FirstAsync()
        );
        (string Url, string Email)[] lists =
        [
            .. Lists,
            ($"/Admin/Audit?after={entry}", AccountsSeeder.AdminEmail),
            ($"/Admin/Audit?before={entry}", AccountsSeeder.AdminEmail),
            ($"/Admin/Audit?after={entry}&type=Product&user=a", AccountsSeeder.AdminEmail),
            ($"/Secretariat/Enterprises?after={first}&p=2", AccountsSeeder.OfficerEmail),
            ($"/Secretariat/Enterprises?after={first}&p=2&status=Verified", AccountsSeeder.OfficerEmail),
        ];
        async Task<int[]> CountAsync()
        {
            var counts = new int[lists.Length];
            for (var i = 0; i < lists.Length; i++)
            {
                var c = lists[i].Email == AccountsSeeder.AdminEmail ? admin : officer;
                await c.GetHtmlAsync(lists[i].Url); // warm up
                using (app.Queries.Start())
                {
                    await c.GetHtmlAsync(lists[i].Url);
                    counts[i] = app.Queries.Count;
                }
            }
            return counts;
        }

        var before = await CountAsync();
        await AddRecognizedEnterprisesAsync(30);
        var after = await CountAsync();
        for (var i = 0; i < lists.Length; i++)
            Assert.True(
                before[i] == after[i],
                $"{lists[i].Url}: {before[i]} SQL commands before, {after[i]} with 30 more rows"
            );
        Assert.Empty(app.Logs.Errors);
    }

    [Fact]
    public async Task The_certificates_pages_walk_forward_and_back_over_every_certificate_once_newest_first()
    {
        await AddRecognizedEnterprisesAsync(70, "88");
        var all = await app.WithDbAsync(db =>
            db.Certificates.OrderByDescending(c => c.Id).Select(c => c.Serial).ToListAsync()
        );
        Assert.True(all.Count > 2 * 50, $"only {all.Count} certificates");
        using var officer = await TestClient.LoggedInAsync(app, AccountsSeeder.OfficerEmail);

        var pages = new List<List<string>>();
        var url = "/Secretariat/Certificates";
        while (true)
        {
            var doc = Parse(await officer.GetHtmlAsync(url));
            pages.Add(Serials(doc));
            var next = doc.QuerySelector("[data-testid=certificates-next]")?.GetAttribute("href");
            if (next is null)
                break;
            Assert.Contains("after=", next, StringComparison.Ordinal);
            url = System.Net.WebUtility.HtmlDecode(next);
        }
        Assert.Equal(all, pages.SelectMany(p => p).ToList());
        Assert.All(pages.SkipLast(1), p => Assert.Equal(50, p.Count));

        // Back from the last page, one page at a time, to the first (which has no "previous").
        for (var i = pages.Count - 1; i > 0; i--)
        {
            var doc = Parse(await officer.GetHtmlAsync(url));
            Assert.Equal(pages[i], Serials(doc));
            url = System.Net.WebUtility.HtmlDecode(
                doc.QuerySelector("[data-testid=certificates-prev]")!.GetAttribute("href")!
            );
        }
        var first = Parse(await officer.GetHtmlAsync(url));
        Assert.Equal(pages[0], Serials(first));
        Assert.Null(first.QuerySelector("[data-testid=certificates-prev]"));

        // A cursor typed by hand is only a number: anything else is the first page, never an error.
        await AllAnswerOkAsync(
            officer,
            "/Secretariat/Certificates",
            "after=abc",
            "before=-1",
            "after=99999999999",
            "after=0"
        );
        Assert.Empty(app.Logs.Errors);
    }

    [Fact]
    public async Task The_audit_pages_walk_forward_and_back_over_every_entry_once_newest_first()
    {
        await AddRecognizedEnterprisesAsync(40, "85");
        using var admin = await TestClient.LoggedInAsync(app, AccountsSeeder.AdminEmail);

        // The order the log had before keyset paging: newest first by id, each filter as the page applies it.
        async Task WalkAsync(string list, Func<IQueryable<AuditEntry>, IQueryable<AuditEntry>> filter)
        {
            var all = await app.WithDbAsync(db =>
                filter(db.AuditEntries).OrderByDescending(a => a.Id).Select(a => a.Id).ToListAsync()
            );
            Assert.True(all.Count > 50, $"{list}: only {all.Count} entries");
            var pages = new List<List<long>>();
            var url = list;
            while (true)
            {
                var doc = Parse(await admin.GetHtmlAsync(url));
                pages.Add(AuditIds(doc));
                var next = doc.QuerySelector("[data-testid=audit-next]")?.GetAttribute("href");
                if (next is null)
                    break;
                Assert.Contains("after=", next, StringComparison.Ordinal);
                url = System.Net.WebUtility.HtmlDecode(next);
            }
            Assert.Equal(all, pages.SelectMany(p => p).ToList());
            Assert.All(pages.SkipLast(1), p => Assert.Equal(50, p.Count));

            // Back from the last page, one page at a time, to the first (which has no "previous").
            for (var i = pages.Count - 1; i > 0; i--)
            {
                var doc = Parse(await admin.GetHtmlAsync(url));
                Assert.Equal(pages[i], AuditIds(doc));
                var prev = doc.QuerySelector("[data-testid=audit-prev]")!.GetAttribute("href")!;
                Assert.Contains("before=", prev, StringComparison.Ordinal);
                url = System.Net.WebUtility.HtmlDecode(prev);
            }
            var first = Parse(await admin.GetHtmlAsync(url));
            Assert.Equal(pages[0], AuditIds(first));
            Assert.Null(first.QuerySelector("[data-testid=audit-prev]"));
        }

        await WalkAsync("/Admin/Audit", q => q);
        await WalkAsync("/Admin/Audit?type=Product", q => q.Where(a => a.EntityType == "Product"));
        await WalkAsync("/Admin/Audit?action=Added&from=2000-01-01", q => q.Where(a => a.Action == "Added"));

        // A cursor typed by hand is only a number: anything else, or an id that is no entry, is the first page.
        await AllAnswerOkAsync(
            admin,
            "/Admin/Audit",
            "after=abc",
            "before=-1",
            "after=99999999999",
            "after=0",
            "before=0&type=Product",
            "p=7"
        );
        Assert.Empty(app.Logs.Errors);
    }

    [Fact]
    public async Task Past_a_thousand_enterprises_the_list_says_more_than_a_thousand_and_shows_a_window_of_pages()
    {
        await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow();
            for (var i = 0; i < 1001; i++)
                db.Add(NewEnterprise("87", i, $"Công ty TNHH Nhiều trang {i:D4}", now));
            await db.SaveChangesAsync();
        });
        using var officer = await TestClient.LoggedInAsync(app, AccountsSeeder.OfficerEmail);

        var first = Parse(await officer.GetHtmlAsync("/Secretariat/Enterprises"));
        Assert.Equal("Hơn 1.000 doanh nghiệp", first.QuerySelector("[data-testid=result-count]")!.TextContent.Trim());
        var links = first.QuerySelectorAll("[data-testid=enterprise-pages] a").ToList();
        Assert.InRange(links.Count, 2, 8); // a window, not one link per page
        var next = first.QuerySelector("[data-testid=enterprises-next]")!.GetAttribute("href")!;
        Assert.Contains("after=", next, StringComparison.Ordinal);
        var second = Parse(await officer.GetHtmlAsync(System.Net.WebUtility.HtmlDecode(next)));
        Assert.Equal("2", second.QuerySelector("[data-testid=enterprise-pages] .active")!.TextContent.Trim());
        Assert.NotNull(second.QuerySelector("[rel=prev]"));

        // A narrower search is counted exactly again; the last page has no "next".
        var narrow = Parse(await officer.GetHtmlAsync("/Secretariat/Enterprises?q=nhieu+trang+000"));
        Assert.Equal("10 doanh nghiệp", narrow.QuerySelector("[data-testid=result-count]")!.TextContent.Trim());
        Assert.Null(narrow.QuerySelector("[data-testid=enterprise-pages]"));
        var deep = Parse(await officer.GetHtmlAsync("/Secretariat/Enterprises?q=nhieu+trang&p=21"));
        Assert.Null(deep.QuerySelector("[data-testid=enterprises-next]"));
        Assert.Single(deep.QuerySelectorAll("[data-testid=enterprise-list] tbody tr"));
        await AllAnswerOkAsync(officer, "/Secretariat/Enterprises", "p=0", "p=-5", "p=abc", "p=99999999999");
        Assert.Empty(app.Logs.Errors);
    }

    [Fact]
    public async Task The_enterprise_pages_walk_forward_and_back_over_every_enterprise_once_pending_first_then_by_name()
    {
        // 130 more enterprises: some pending (so a page straddles the end of the pending ones), some with the same name
        // (so the id decides), some rejected (not pending: among the verified ones by name).
        await app.WithDbAsync(async db =>
        {
            var now = app.Clock.GetUtcNow();
            for (var i = 0; i < 130; i++)
            {
                var e = NewEnterprise("86", i, $"Công ty TNHH Lật trang {i % 45:D2}", now);
                e.Status = (i % 7) switch
                {
                    0 or 1 => EnterpriseStatus.Pending,
                    2 => EnterpriseStatus.Rejected,
                    _ => EnterpriseStatus.Verified,
                };
                db.Add(e);
            }
            await db.SaveChangesAsync();
        });
        using var officer = await TestClient.LoggedInAsync(app, AccountsSeeder.OfficerEmail);

        // The order the list had before keyset paging, written as it was: pending first, then name, then id.
        async Task WalkAsync(string list, EnterpriseStatus? status, string? q)
        {
            var all = await app.WithDbAsync(db =>
            {
                var rows = db.Enterprises.AsQueryable();
                if (status is { } s)
                    rows = rows.Where(e => e.Status == s);
                if (q is not null)
                    rows = rows.Where(e => e.SearchText.Contains(q));
                return rows.OrderBy(e => e.Status == EnterpriseStatus.Pending ? 0 : 1)
                    .ThenBy(e => e.NameVi)
                    .ThenBy(e => e.Id)
                    .Select(e => e.TaxCode)
                    .ToListAsync();
            });
            Assert.True(all.Count > 50, $"{list}: only {all.Count} enterprises");
            var pages = new List<List<string>>();
            var url = list;
            while (true)
            {
                var doc = Parse(await officer.GetHtmlAsync(url));
                pages.Add(TaxCodes(doc));
                Assert.Equal(
                    pages.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    doc.QuerySelector("[data-testid=enterprise-pages] .active")?.TextContent.Trim()
                );
                var next = doc.QuerySelector("[data-testid=enterprises-next]")?.GetAttribute("href");
                if (next is null)
                    break;
                Assert.Contains("after=", next, StringComparison.Ordinal);
                url = System.Net.WebUtility.HtmlDecode(next);
            }
            Assert.Equal(all, pages.SelectMany(p => p).ToList());
            Assert.All(pages.SkipLast(1), p => Assert.Equal(50, p.Count));

            // Back from the last page, one page at a time, to the first (which has no "previous").
            for (var i = pages.Count - 1; i > 0; i--)
            {
                var doc = Parse(await officer.GetHtmlAsync(url));
                Assert.Equal(pages[i], TaxCodes(doc));
                var prev = doc.QuerySelector("[data-testid=enterprises-prev]")!.GetAttribute("href")!;
                Assert.Contains("before=", prev, StringComparison.Ordinal);
                url = System.Net.WebUtility.HtmlDecode(prev);
            }
            var first = Parse(await officer.GetHtmlAsync(url));
            Assert.Equal(pages[0], TaxCodes(first));
            Assert.Null(first.QuerySelector("[data-testid=enterprises-prev]"));
        }

        await WalkAsync("/Secretariat/Enterprises", null, null);
        await WalkAsync("/Secretariat/Enterprises?q=lat+trang", null, "lat trang");
        await WalkAsync("/Secretariat/Enterprises?status=Verified", EnterpriseStatus.Verified, null);

        // A cursor typed by hand is only a number: anything else, or an id that is no enterprise, is the first page.
        await AllAnswerOkAsync(
            officer,
            "/Secretariat/Enterprises",
            "after=abc",
            "before=-1",
            "after=99999999999",
            "after=0",
            "before=0&p=7"
        );
        Assert.Empty(app.Logs.Errors);
    }

    private static List<string> TaxCodes(AngleSharp.Html.Dom.IHtmlDocument doc) =>
        [
            .. doc.QuerySelectorAll("[data-testid=enterprise-list] tbody tr")
                .Select(r => r.QuerySelector("td")!.TextContent.Trim()),
        ];

    private static async Task AllAnswerOkAsync(TestClient c, string list, params string[] queries)
    {
        foreach (var q in queries)
            Assert.Equal(System.Net.HttpStatusCode.OK, (await c.GetAsync(list + "?" + q)).StatusCode);
    }

    /// <summary>A verified enterprise whose tax code is the prefix and the number on 8 digits.</summary>
    private static Enterprise NewEnterprise(string taxPrefix, int i, string name, DateTimeOffset now)
    {
        var e = new Enterprise
        {
            TaxCode = taxPrefix + i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture),
            NameVi = name,
            LegalForm = LegalForm.JointStock,
            Ownership = Ownership.Domestic,
            ContactName = "Nguyễn Văn A",
            ContactPhone = "0241234567",
            ContactEmail = $"ds{taxPrefix}-{i}@example.vn",
            Status = EnterpriseStatus.Verified,
            CreatedAt = now,
            VerifiedAt = now,
            HeadOffice = new Address { Street = $"Số {i} phố Huế" },
        };
        e.RefreshSearchText();
        return e;
    }

    private static List<long> AuditIds(AngleSharp.Html.Dom.IHtmlDocument doc) =>
        [
            .. doc.QuerySelectorAll("[data-testid=audit-log] tbody tr")
                .Select(r =>
                    long.Parse(r.GetAttribute("data-audit-id")!, System.Globalization.CultureInfo.InvariantCulture)
                ),
        ];

    private static AngleSharp.Html.Dom.IHtmlDocument Parse(string html) =>
        new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);

    private static List<string> Serials(AngleSharp.Html.Dom.IHtmlDocument doc) =>
        [.. doc.QuerySelectorAll("[data-testid=certificate-serial]").Select(e => e.TextContent.Trim())];

    private Task AddRecognizedEnterprisesAsync(int n, string taxPrefix = "89") =>
        app.WithDbAsync(async db =>
        {
            var decision = await db.RecognitionDecisions.OrderBy(d => d.Id).FirstAsync();
            var now = app.Clock.GetUtcNow();
            // Three saves in all (enterprises with products, recognitions, certificates), not three per row.
            var made = new List<(Enterprise E, Product P)>();
            for (var i = 0; i < n; i++)
            {
                var e = NewEnterprise(taxPrefix, i, $"Công ty Cổ phần Thử danh sách {i}", now);
                var p = new Product
                {
                    Enterprise = e,
                    Name = $"Sản phẩm thử danh sách {i}",
                    Description = "Thử",
                    CreatedAt = now,
                };
                p.RefreshSearchText();
                db.Add(e);
                db.Add(p);
                made.Add((e, p));
            }
            await db.SaveChangesAsync();
            var recognitions = made.Select(m => new Recognition
                {
                    DecisionId = decision.Id,
                    ProductId = m.P.Id,
                    EnterpriseId = m.E.Id,
                    Year = 2024,
                    ValidFrom = new DateOnly(2024, 12, 1),
                    ValidTo = new DateOnly(2027, 11, 30),
                })
                .ToList();
            db.AddRange(recognitions);
            await db.SaveChangesAsync();
            for (var i = 0; i < n; i++)
                db.Add(
                    new Certificate
                    {
                        RecognitionId = recognitions[i].Id,
                        Serial = $"LIST-{taxPrefix}-{i}",
                        IssuedAt = now,
                    }
                );
            await db.SaveChangesAsync();
        });
}
