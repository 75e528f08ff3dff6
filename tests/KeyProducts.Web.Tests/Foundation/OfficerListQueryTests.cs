using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Enterprises;
using KeyProducts.Core.Recognition;
using KeyProducts.Core.Rounds;
using KeyProducts.Web.Data.Seed;
using KeyProducts.Web.Features.Council;
using KeyProducts.Web.Infrastructure.Audit;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Tests.Foundation;

/// <summary>Officers' long lists (issue 16): the enterprises (numbered and keyset pages), the certificates, the audit
/// log (first, keyset and filtered pages), the screening queue and the council's progress board (decision 0016) run the
/// same number of SQL commands with more rows as without them, so none of them queries per row; the keyset pages walk
/// forward and back over every row once, in the order the list had before paging.</summary>
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

    [Fact]
    public async Task The_queue_and_the_council_board_run_the_same_number_of_queries_with_sixty_more_dossiers()
    {
        var (queueRound, boardRound) = await RoundsAsync();
        await AddDossiersAsync(queueRound, 10, "QA", i => DossierState.Screening);
        await AddDossiersAsync(boardRound, 10, "QB", i => DossierState.Scoring);
        using var officer = await TestClient.LoggedInAsync(app, AccountsSeeder.OfficerEmail);
        var first = await app.WithDbAsync(db =>
            InOrder(db.Dossiers.Where(d => d.RoundId == queueRound && d.State != DossierState.Draft)).FirstAsync()
        );
        var firstOnBoard = await app.WithDbAsync(db =>
            InOrder(db.Dossiers.Where(d => d.RoundId == boardRound && d.State == DossierState.Scoring)).FirstAsync()
        );
        string[] lists =
        [
            "/Secretariat/Dossiers",
            $"/Secretariat/Dossiers?RoundId={queueRound}&p=2",
            $"/Secretariat/Dossiers?RoundId={queueRound}&after={first}&p=2",
            $"/Secretariat/Dossiers?RoundId={queueRound}&before={first}&p=2",
            $"/Secretariat/Dossiers?RoundId={queueRound}&State=Screening&Track=A&MinAgeDays=0&after={first}&p=2",
            "/Secretariat/Council/Progress",
            $"/Secretariat/Council/Progress?roundId={boardRound}&after={firstOnBoard}&p=2",
        ];
        async Task<int[]> CountAsync()
        {
            var counts = new int[lists.Length];
            for (var i = 0; i < lists.Length; i++)
            {
                await officer.GetHtmlAsync(lists[i]); // warm up
                using (app.Queries.Start())
                {
                    await officer.GetHtmlAsync(lists[i]);
                    counts[i] = app.Queries.Count;
                }
            }
            return counts;
        }

        var before = await CountAsync();
        await AddDossiersAsync(queueRound, 60, "QC", i => i % 2 == 0 ? DossierState.Submitted : DossierState.Screening);
        await AddDossiersAsync(boardRound, 60, "QD", i => DossierState.Scoring);
        var after = await CountAsync();
        for (var i = 0; i < lists.Length; i++)
            Assert.True(
                before[i] == after[i],
                $"{lists[i]}: {before[i]} SQL commands before, {after[i]} with 60 more dossiers"
            );
        Assert.Empty(app.Logs.Errors);
    }

    [Fact]
    public async Task The_screening_queue_pages_walk_forward_and_back_over_every_dossier_once_by_code_uncoded_last()
    {
        var (round, _) = await RoundsAsync();
        // 140 more: coded ones whose codes run against their ids, some withdrawn before submission (no code: listed
        // last, by id), some drafts (left out unless asked for), two tracks.
        await AddDossiersAsync(round, 140, "QW", i => (i % 10) switch
            {
                0 => DossierState.Draft,
                1 => DossierState.Withdrawn,
                2 or 3 or 4 => DossierState.Screening,
                _ => DossierState.Submitted,
            });
        using var officer = await TestClient.LoggedInAsync(app, AccountsSeeder.OfficerEmail);
        var trackA = await app.WithDbAsync(db =>
            db.EligibilityTracks.Where(t => t.Code == "A").Select(t => t.Id).ToListAsync()
        );

        // The order the queue had before paging, written as it was: by code, those without one last, then by id.
        async Task WalkAsync(string query, Func<IQueryable<Dossier>, IQueryable<Dossier>> filter, int atLeast)
        {
            var all = await app.WithDbAsync(db =>
                InOrder(filter(db.Dossiers.Where(d => d.RoundId == round))).ToListAsync()
            );
            Assert.True(all.Count >= atLeast, $"{query}: only {all.Count} dossiers");
            var url = $"/Secretariat/Dossiers?RoundId={round}{query}";
            var pages = await WalkListAsync(officer, url, "queue", QueueIds);
            Assert.Equal(all, pages.SelectMany(p => p).ToList());
            var count = Parse(await officer.GetHtmlAsync(url)).QuerySelector("[data-testid=result-count]")!;
            Assert.Equal($"Số hồ sơ: {all.Count}", count.TextContent.Trim());
        }

        await WalkAsync("", q => q.Where(d => d.State != DossierState.Draft), 101);
        await WalkAsync("&State=Submitted", q => q.Where(d => d.State == DossierState.Submitted), 51);
        await WalkAsync("&Track=A", q => q.Where(d => d.State != DossierState.Draft && trackA.Contains(d.TrackId)), 51);
        await WalkAsync("&State=Withdrawn", q => q.Where(d => d.State == DossierState.Withdrawn), 1);
        await AllAnswerOkAsync(
            officer,
            "/Secretariat/Dossiers",
            "after=abc",
            "before=-1",
            "after=99999999999",
            "after=0",
            "before=0&p=7",
            "p=99999999999"
        );
        Assert.Empty(app.Logs.Errors);
    }

    [Fact]
    public async Task The_council_board_pages_walk_over_every_dossier_once_and_counts_what_is_left_over_the_round()
    {
        var (_, round) = await RoundsAsync();
        var url = $"/Secretariat/Council/Progress?roundId={round}";
        using var officer = await TestClient.LoggedInAsync(app, AccountsSeeder.OfficerEmail);
        var pendingBefore = PendingOf(Parse(await officer.GetHtmlAsync(url)));
        await AddDossiersAsync(round, 120, "QS", i => i % 6 == 0 ? DossierState.Scored : DossierState.Scoring);
        var states = CouncilAccess.VisibleToCouncil.ToList();
        var all = await app.WithDbAsync(db =>
            InOrder(db.Dossiers.Where(d => d.RoundId == round && states.Contains(d.State))).ToListAsync()
        );
        var pages = await WalkListAsync(officer, url, "progress", BoardIds);
        Assert.Equal(all, pages.SelectMany(p => p).ToList());

        // "Still to score" is over the whole round, not the page: each member with indicators has the 100 new
        // dossiers in scoring more to score, unless in conflict with their enterprise; one without indicators none.
        var pendingAfter = PendingOf(Parse(await officer.GetHtmlAsync(url)));
        var (scorers, conflicted) = await app.WithDbAsync(async db =>
        {
            var enterprise = await db.Dossiers.Where(d => d.Code == "QS-0001").Select(d => d.EnterpriseId).FirstAsync();
            return (
                await db.IndicatorAssignments.Select(a => a.MemberId).Distinct().ToListAsync(),
                await db.Conflicts.Where(c => c.EnterpriseId == enterprise).Select(c => c.MemberId).ToListAsync()
            );
        });
        Assert.Equal(pendingBefore.Keys, pendingAfter.Keys);
        Assert.NotEmpty(pendingBefore);
        foreach (var (member, left) in pendingBefore)
        {
            var id = int.Parse(member["pending-".Length..], System.Globalization.CultureInfo.InvariantCulture);
            var expected =
                !scorers.Contains(id) ? 0
                : conflicted.Contains(id) ? left
                : left + 100;
            Assert.True(
                expected == pendingAfter[member],
                $"{member}: {left} left before, {pendingAfter[member]} after"
            );
        }
        await AllAnswerOkAsync(officer, "/Secretariat/Council/Progress", "after=abc", "before=-1", "after=0&p=3");
        Assert.Empty(app.Logs.Errors);
    }

    /// <summary>Walks a list forward by its "next" links and back by its "previous" ones; returns its pages.</summary>
    private static async Task<List<List<int>>> WalkListAsync(
        TestClient c,
        string url,
        string testId,
        Func<AngleSharp.Html.Dom.IHtmlDocument, List<int>> rows
    )
    {
        var pages = new List<List<int>>();
        while (true)
        {
            var doc = Parse(await c.GetHtmlAsync(url));
            pages.Add(rows(doc));
            if (pages.Count > 1 || doc.QuerySelector($"[data-testid={testId}-pages]") is not null)
                Assert.Equal(
                    pages.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    doc.QuerySelector($"[data-testid={testId}-pages] .active")?.TextContent.Trim()
                );
            var next = doc.QuerySelector($"[data-testid={testId}-next]")?.GetAttribute("href");
            if (next is null)
                break;
            Assert.Contains("after=", next, StringComparison.Ordinal);
            url = System.Net.WebUtility.HtmlDecode(next);
        }
        Assert.All(pages.SkipLast(1), p => Assert.Equal(50, p.Count));
        for (var i = pages.Count - 1; i > 0; i--)
        {
            var doc = Parse(await c.GetHtmlAsync(url));
            Assert.Equal(pages[i], rows(doc));
            var prev = doc.QuerySelector($"[data-testid={testId}-prev]")!.GetAttribute("href")!;
            Assert.Contains("before=", prev, StringComparison.Ordinal);
            url = System.Net.WebUtility.HtmlDecode(prev);
        }
        var first = Parse(await c.GetHtmlAsync(url));
        Assert.Equal(pages[0], rows(first));
        Assert.Null(first.QuerySelector($"[data-testid={testId}-prev]"));
        return pages;
    }

    private static IQueryable<int> InOrder(IQueryable<Dossier> q) =>
        q.OrderBy(d => d.Code == null).ThenBy(d => d.Code).ThenBy(d => d.Id).Select(d => d.Id);

    private static List<int> QueueIds(AngleSharp.Html.Dom.IHtmlDocument doc) =>
        [
            .. doc.QuerySelectorAll("[data-testid=queue] tbody tr td:first-child a")
                .Select(a =>
                    int.Parse(a.GetAttribute("href")!.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture)
                ),
        ];

    private static List<int> BoardIds(AngleSharp.Html.Dom.IHtmlDocument doc) =>
        [
            .. doc.QuerySelectorAll("[data-testid=progress-board] tbody tr")
                .Select(r =>
                    int.Parse(
                        r.GetAttribute("data-testid")!["dossier-".Length..],
                        System.Globalization.CultureInfo.InvariantCulture
                    )
                ),
        ];

    private static Dictionary<string, int> PendingOf(AngleSharp.Html.Dom.IHtmlDocument doc) =>
        doc.QuerySelectorAll("[data-testid^=pending-]")
            .ToDictionary(
                e => e.GetAttribute("data-testid")!,
                e =>
                    int.Parse(
                        e.TextContent.Trim().Replace(".", "", StringComparison.Ordinal),
                        System.Globalization.CultureInfo.InvariantCulture
                    )
            );

    /// <summary>The round the screening queue opens on (the newest published one) and the council's round.</summary>
    private Task<(int Queue, int Board)> RoundsAsync() =>
        app.WithDbAsync(async db =>
        {
            var queue = await db
                .Rounds.Where(r => r.Status == RoundStatus.Published)
                .OrderByDescending(r => r.Year)
                .Select(r => r.Id)
                .FirstAsync();
            var board = await db.Councils.OrderBy(c => c.Id).Select(c => c.RoundId).FirstAsync();
            return (queue, board);
        });

    /// <summary><paramref name="n"/> dossiers of new products of the first verified enterprise, in two tracks; those
    /// past a draft coded <c>{prefix}-{n - i}</c> (codes running against ids), withdrawn ones left uncoded as if
    /// withdrawn before submission.</summary>
    private Task AddDossiersAsync(int roundId, int n, string prefix, Func<int, DossierState> stateOf) =>
        app.WithDbAsync(async db =>
        {
            var enterprise = await db
                .Enterprises.Where(e => e.Status == EnterpriseStatus.Verified)
                .OrderBy(e => e.Id)
                .Select(e => e.Id)
                .FirstAsync();
            var tracks = await db
                .EligibilityTracks.OrderBy(t => t.Code)
                .ThenBy(t => t.Id)
                .Select(t => t.Id)
                .Take(2)
                .ToListAsync();
            var now = app.Clock.GetUtcNow();
            var products = new List<Product>();
            for (var i = 0; i < n; i++)
            {
                var p = new Product
                {
                    EnterpriseId = enterprise,
                    Name = $"Sản phẩm hàng đợi {prefix} {i}",
                    Description = "Thử",
                    CreatedAt = now,
                };
                p.RefreshSearchText();
                products.Add(p);
            }
            db.AddRange(products);
            await db.SaveChangesAsync();
            for (var i = 0; i < n; i++)
            {
                var state = stateOf(i);
                var d = new Dossier
                {
                    RoundId = roundId,
                    EnterpriseId = enterprise,
                    ProductId = products[i].Id,
                    TrackId = tracks[i % tracks.Count],
                    CreatedAt = now.AddMinutes(-i),
                    Code = state is DossierState.Draft or DossierState.Withdrawn
                        ? null
                        : $"{prefix}-{(n - i).ToString("D4", System.Globalization.CultureInfo.InvariantCulture)}",
                    SubmittedAt = state is DossierState.Draft or DossierState.Withdrawn ? null : now.AddMinutes(-i),
                    StateChangedAt = now.AddDays(-1),
                };
                d.ForceStateForSeed(state);
                d.RefreshSearchText();
                db.Add(d);
            }
            await db.SaveChangesAsync();
        });

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
