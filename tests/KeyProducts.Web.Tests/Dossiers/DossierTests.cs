using System.Net;
using System.Net.Http.Headers;
using KeyProducts.Core.Dossiers;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static KeyProducts.Web.Tests.Dossiers.DossierArrange;

namespace KeyProducts.Web.Tests.Dossiers;

public sealed class DossierTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static async Task Expect(HttpStatusCode code, HttpResponseMessage r)
    {
        if (r.StatusCode != code)
        {
            var body = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
            var summary = System
                .Text.RegularExpressions.Regex.Match(
                    body,
                    "error-summary.*?</ul>",
                    System.Text.RegularExpressions.RegexOptions.Singleline
                )
                .Value;
            Assert.Fail(
                $"Expected {code}, got {r.StatusCode}: "
                    + $"{(summary.Length > 0 ? summary : body[..Math.Min(body.Length, 1500)])}"
            );
        }
    }

    [Fact]
    public async Task Enterprise_fills_uploads_and_submits_then_gets_a_code_receipt_and_mail()
    {
        var id = await DraftAsync(app, Enterprise1, complete: false);
        using var c = await TestClient.LoggedInAsync(app, Enterprise1);
        var year = await app.WithDbAsync(db =>
            db.Dossiers.Where(d => d.Id == id).Select(d => db.Rounds.First(r => r.Id == d.RoundId).Year).FirstAsync()
        );

        var r = await c.PostFormAsync(
            $"/Portal/Dossiers/Edit/{id}/figures",
            $"/Portal/Dossiers/Edit/{id}?handler=Figures",
            new()
            {
                ["Figures[0].Year"] = (year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Figures[0].ProductRevenue"] = "150.000.000.000",
                ["Figures[0].EnterpriseRevenue"] = "abc",
            }
        );
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("abc", WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()));

        r = await c.PostFormAsync(
            $"/Portal/Dossiers/Edit/{id}/figures",
            $"/Portal/Dossiers/Edit/{id}?handler=Figures",
            new()
            {
                ["Figures[0].Year"] = (year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Figures[0].ProductRevenue"] = "150.000.000.000",
                ["Figures[0].EnterpriseRevenue"] = "300.000.000.000",
                ["Figures[0].ExportUsd"] = "1.250.000,50",
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var fig = await app.WithDbAsync(db =>
            db.DossierFigures.FirstAsync(f => f.DossierId == id && f.Year == year - 1)
        );
        Assert.Equal(150_000_000_000, fig.ProductRevenueVnd);
        Assert.Equal(125_000_050, fig.ExportUsdCents);

        var conditions = await app.WithDbAsync(db =>
            db.EligibilityConditions.Select(x => new
                {
                    x.Code,
                    x.TrackCodes,
                    x.RequiredAnswer,
                })
                .ToListAsync()
        );
        var answers = conditions
            .Where(x => string.IsNullOrEmpty(x.TrackCodes) || x.TrackCodes.Contains('B', StringComparison.Ordinal))
            .ToDictionary(x => $"Answers[{x.Code}]", x => x.RequiredAnswer ? "yes" : "no");
        r = await c.PostFormAsync(
            $"/Portal/Dossiers/Edit/{id}/conditions",
            $"/Portal/Dossiers/Edit/{id}?handler=Conditions",
            answers
        );
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);

        var items = await app.WithDbAsync(db =>
            db.ChecklistItems.Where(i => i.Mandatory && db.Dossiers.Any(d => d.Id == id && d.RoundId == i.RoundId))
                .ToListAsync()
        );
        foreach (var item in items.Where(i => i.AppliesTo("B")))
        {
            var pdf = new ByteArrayContent(
                "%PDF-1.4 test "u8.ToArray().Concat(BitConverter.GetBytes(item.Id)).ToArray()
            );
            r = await UploadAsync(c, id, item.Id, item.Code + ".pdf", pdf);
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        }

        r = await c.PostFormAsync($"/Portal/Dossiers/Check/{id}", $"/Portal/Dossiers/Check/{id}", []);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var d = await app.WithDbAsync(db => db.Dossiers.FirstAsync(x => x.Id == id));
        Assert.Equal(DossierState.Submitted, d.State);
        Assert.Matches(@"^SPCNCL-\d{4}-\d{4}$", d.Code!);
        var frozen = await app.WithDbAsync(db =>
            db.CriteriaSets.AnyAsync(s =>
                s.FrozenAt != null && db.Rounds.Any(x => x.Id == d.RoundId && x.CriteriaSetId == s.Id)
            )
        );
        Assert.True(frozen);
        Assert.True(
            await app.WithDbAsync(db => db.Outbox.AnyAsync(m => m.Subject.Contains(d.Code!) && m.Attachment != null))
        );
        Assert.True(
            await app.WithDbAsync(db => db.DossierSnapshots.AnyAsync(s => s.DossierId == id && s.Revision == 1))
        );

        var receipt = await c.GetAsync($"/files/dossiers/{id}/receipt.pdf");
        Assert.Equal(HttpStatusCode.OK, receipt.StatusCode);
        Assert.StartsWith("%PDF", await receipt.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Locked: a further edit is refused.
        r = await c.PostFormAsync(
            $"/Portal/Dossiers/Edit/{id}/figures",
            $"/Portal/Dossiers/Edit/{id}?handler=Figures",
            new()
            {
                ["Figures[0].Year"] = (year - 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Figures[0].ProductRevenue"] = "1",
            }
        );
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Empty(app.Logs.Errors);
    }

    [Fact]
    public async Task A_file_renamed_from_exe_to_pdf_is_refused()
    {
        var id = await DraftAsync(app, Enterprise1, complete: false);
        var item = await ChecklistItemAsync(app, id, "PDK");
        using var c = await TestClient.LoggedInAsync(app, Enterprise1);
        var exe = new ByteArrayContent([(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0]);
        var r = await UploadAsync(c, id, item, "phieu-dang-ky.pdf", exe);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("Chỉ nhận tệp PDF", WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()));
        Assert.False(await app.WithDbAsync(db => db.DossierDocuments.AnyAsync(x => x.DossierId == id)));
    }

    [Fact]
    public async Task A_slightly_oversize_file_gets_a_clear_413_message()
    {
        var id = await DraftAsync(app, Enterprise1, complete: false);
        var item = await ChecklistItemAsync(app, id, "PDK");
        using var c = await TestClient.LoggedInAsync(app, Enterprise1);
        var r = await UploadAsync(
            c,
            id,
            item,
            "lon.pdf",
            new StreamContent(new PdfLikeStream(10L * 1024 * 1024 + 100))
        );
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, r.StatusCode);
        Assert.Contains("vượt quá dung lượng", WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Another_enterprise_cannot_see_or_change_a_dossier_or_its_files()
    {
        var id = await DraftAsync(app, Enterprise1, complete: true);
        var docId = await app.WithDbAsync(db =>
            db.DossierDocuments.Where(d => d.DossierId == id).Select(d => d.Id).FirstAsync()
        );
        using var other = await TestClient.LoggedInAsync(app, Enterprise2);
        foreach (
            var url in new[]
            {
                $"/Portal/Dossiers/Edit/{id}",
                $"/Portal/Dossiers/Check/{id}",
                $"/Portal/Dossiers/Submitted/{id}",
                $"/api/v1/dossiers/{id}",
                $"/files/dossiers/{id}/documents/{docId}",
                $"/files/dossiers/{id}/receipt.pdf",
                $"/Secretariat/Dossiers/Details/{id}",
            }
        )
        {
            var r = await other.GetAsync(url);
            Assert.True(
                r.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden or HttpStatusCode.Redirect,
                $"{url} → {r.StatusCode}"
            );
        }
        var token = TestClient.AntiforgeryToken(await other.GetHtmlAsync("/Portal/Dossiers"))!;
        var post = await other.PostWithTokenAsync($"/Portal/Dossiers/Edit/{id}?handler=Conditions", token, []);
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        await other.UseApiAntiforgeryAsync();
        var submit = await other.Http.PostAsync(new Uri($"/api/v1/dossiers/{id}/submit", UriKind.Relative), null);
        Assert.NotEqual(HttpStatusCode.OK, submit.StatusCode);
        var list = await other.GetHtmlAsync("/api/v1/dossiers");
        Assert.DoesNotContain($"\"id\":{id},", list, StringComparison.Ordinal);
        Assert.Equal(DossierState.Draft, await StateAsync(app, id));

        using var owner = await TestClient.LoggedInAsync(app, Enterprise1);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync($"/api/v1/dossiers/{id}")).StatusCode);
    }

    [Fact]
    public async Task Two_officers_acting_at_once_the_second_is_told_the_dossier_changed()
    {
        var id = await DraftAsync(app, Enterprise1, complete: true);
        using (var e = await TestClient.LoggedInAsync(app, Enterprise1))
            await Expect(
                HttpStatusCode.Redirect,
                await e.PostFormAsync($"/Portal/Dossiers/Check/{id}", $"/Portal/Dossiers/Check/{id}", [])
            );
        using var a = await TestClient.LoggedInAsync(app, Officer);
        using var b = await TestClient.LoggedInAsync(app, Officer);
        var pageA = await a.GetHtmlAsync($"/Secretariat/Dossiers/Details/{id}");
        var pageB = await b.GetHtmlAsync($"/Secretariat/Dossiers/Details/{id}");
        var version = System
            .Text.RegularExpressions.Regex.Match(pageA, "name=\"SeenVersion\" value=\"(\\d+)\"")
            .Groups[1]
            .Value;

        var ra = await a.PostWithTokenAsync(
            $"/Secretariat/Dossiers/Details/{id}?handler=Eligible",
            TestClient.AntiforgeryToken(pageA)!,
            new() { ["SeenVersion"] = version }
        );
        Assert.Equal(HttpStatusCode.Redirect, ra.StatusCode);
        var rb = await b.PostWithTokenAsync(
            $"/Secretariat/Dossiers/Details/{id}?handler=Supplement",
            TestClient.AntiforgeryToken(pageB)!,
            new()
            {
                ["SeenVersion"] = version,
                ["Message"] = "Bổ sung",
                ["Deadline"] = "2026-07-30",
                ["Comments[Figures]"] = "Thiếu số liệu",
            }
        );
        Assert.Equal(HttpStatusCode.Conflict, rb.StatusCode);
        Assert.Contains("vừa được người khác thay đổi", WebUtility.HtmlDecode(await rb.Content.ReadAsStringAsync()));
        Assert.Equal(DossierState.Eligible, await StateAsync(app, id));
        Assert.Empty(await app.WithDbAsync(db => db.SupplementRequests.Where(s => s.DossierId == id).ToListAsync()));
    }

    [Fact]
    public async Task Supplement_unlocks_only_named_items_and_resubmission_keeps_both_versions()
    {
        var id = await DraftAsync(app, Enterprise1, complete: true);
        var item = await ChecklistItemAsync(app, id, "BCTC");
        var other = await ChecklistItemAsync(app, id, "PDK");
        using var e = await TestClient.LoggedInAsync(app, Enterprise1);
        await Expect(
            HttpStatusCode.Redirect,
            await e.PostFormAsync($"/Portal/Dossiers/Check/{id}", $"/Portal/Dossiers/Check/{id}", [])
        );
        using var o = await TestClient.LoggedInAsync(app, Officer);
        var page = await o.GetHtmlAsync($"/Secretariat/Dossiers/Details/{id}");
        var version = System
            .Text.RegularExpressions.Regex.Match(page, "name=\"SeenVersion\" value=\"(\\d+)\"")
            .Groups[1]
            .Value;
        var r = await o.PostWithTokenAsync(
            $"/Secretariat/Dossiers/Details/{id}?handler=Supplement",
            TestClient.AntiforgeryToken(page)!,
            new()
            {
                ["SeenVersion"] = version,
                ["Message"] = "Đề nghị bổ sung báo cáo tài chính",
                ["Deadline"] = "2026-07-30",
                [$"Comments[item-{item}]"] = "Thiếu năm 2025",
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(DossierState.NeedsSupplement, await StateAsync(app, id));

        var locked = await UploadAsync(e, id, other, "pdk.pdf", new ByteArrayContent("%PDF-1.4 other"u8.ToArray()));
        Assert.Equal(HttpStatusCode.BadRequest, locked.StatusCode);
        var ok = await UploadAsync(
            e,
            id,
            item,
            "bctc-2025.pdf",
            new ByteArrayContent("%PDF-1.4 new statements"u8.ToArray())
        );
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        await Expect(
            HttpStatusCode.Redirect,
            await e.PostFormAsync($"/Portal/Dossiers/Check/{id}", $"/Portal/Dossiers/Check/{id}", [])
        );
        Assert.Equal(DossierState.Resubmitted, await StateAsync(app, id));

        var details = await o.GetHtmlAsync($"/Secretariat/Dossiers/Details/{id}");
        Assert.Contains("bctc-2025.pdf", details);
        Assert.Contains("Thay đổi giữa các lần nộp", details);
        Assert.Equal(2, await app.WithDbAsync(db => db.DossierSnapshots.CountAsync(s => s.DossierId == id)));
        Assert.True(await app.WithDbAsync(db => db.Notifications.AnyAsync(n => n.Text.Contains("cần bổ sung"))));
    }

    [Fact]
    public async Task Public_call_page_lists_tracks_criteria_checklist_and_apply_button()
    {
        using var c = TestClient.Anonymous(app);
        var html = await c.GetHtmlAsync("/Public/Rounds/2026");
        Assert.Contains("Đăng ký tham gia", html);
        Assert.Contains("Phiếu đăng ký tham gia", html);
        Assert.Contains("100.000.000.000", html);
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync("/Public/Rounds/1999")).StatusCode);
        Assert.Contains("2026", await c.GetHtmlAsync("/Public/Rounds"));
    }

    [Fact]
    public async Task The_screening_queue_runs_the_same_number_of_queries_for_one_or_three_more_dossiers()
    {
        using var o = await TestClient.LoggedInAsync(app, Officer);
        async Task<int> CountAsync()
        {
            await o.GetHtmlAsync("/Secretariat/Dossiers?State=Draft"); // warm up
            using (app.Queries.Start())
                await o.GetHtmlAsync("/Secretariat/Dossiers?State=Draft");
            return app.Queries.Count;
        }
        await DraftAsync(app, Enterprise2, complete: true);
        var one = await CountAsync();
        for (var i = 0; i < 3; i++)
            await DraftAsync(app, Enterprise2, complete: true);
        var four = await CountAsync();
        Assert.Equal(one, four);
    }

    [Fact]
    public async Task Officer_exports_the_rounds_dossiers_to_excel()
    {
        await DraftAsync(app, Enterprise1, complete: true);
        using var o = await TestClient.LoggedInAsync(app, Officer);
        var roundId = await app.WithDbAsync(db => db.Rounds.Where(r => r.Year == 2026).Select(r => r.Id).FirstAsync());
        var r = await o.GetAsync($"/Secretariat/Dossiers?handler=Export&roundId={roundId}");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using var wb = new ClosedXML.Excel.XLWorkbook(await r.Content.ReadAsStreamAsync());
        Assert.Equal("Mã hồ sơ", wb.Worksheet(1).Cell(1, 1).GetString());
        Assert.True(wb.Worksheet(1).LastRowUsed().RowNumber() >= 2);
    }
}

/// <summary>Moves the clock forward, so it has a database of its own.</summary>
public sealed class DossierDeadlineTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Submitting_after_the_deadline_is_refused()
    {
        var id = await DraftAsync(app, Enterprise1, complete: true);
        var deadline = await app.WithDbAsync(db =>
            db.Dossiers.Where(d => d.Id == id)
                .Select(d => db.Rounds.First(r => r.Id == d.RoundId).SubmissionDeadline)
                .FirstAsync()
        );
        // One minute after midnight in Hanoi on the day after the deadline (log in afterwards: the session follows the
        // clock).
        app.Clock.SetUtcNow(Core.Common.VietnamTime.EndOfDayUtc(deadline).AddMinutes(1));
        using var c = await TestClient.LoggedInAsync(app, Enterprise1);
        var token = TestClient.AntiforgeryToken(await c.GetHtmlAsync($"/Portal/Dossiers/Check/{id}"))!;
        var r = await c.PostWithTokenAsync($"/Portal/Dossiers/Check/{id}", token, []);
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains("hết hạn nộp hồ sơ", WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()));
        Assert.Equal(DossierState.Draft, await StateAsync(app, id));
    }
}

public sealed class DeadlineExtensionTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task An_extension_granted_by_an_officer_lets_that_enterprise_submit_late_and_is_audited()
    {
        var id = await DraftAsync(app, Enterprise1, complete: true);
        var deadline = await app.WithDbAsync(db =>
            db.Dossiers.Where(d => d.Id == id)
                .Select(d => db.Rounds.First(r => r.Id == d.RoundId).SubmissionDeadline)
                .FirstAsync()
        );
        using (var o = await TestClient.LoggedInAsync(app, Officer))
        {
            var page = await o.GetHtmlAsync($"/Secretariat/Dossiers/Details/{id}");
            var r = await o.PostWithTokenAsync(
                $"/Secretariat/Dossiers/Details/{id}?handler=Extend",
                TestClient.AntiforgeryToken(page)!,
                new()
                {
                    ["Deadline"] = deadline
                        .AddDays(5)
                        .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    ["Reason"] = "Doanh nghiệp gặp sự cố mất điện kéo dài",
                }
            );
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        }
        Assert.True(
            await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType.Contains("DeadlineExtension")))
        );
        app.Clock.SetUtcNow(Core.Common.VietnamTime.EndOfDayUtc(deadline).AddHours(2));
        using var e = await TestClient.LoggedInAsync(app, Enterprise1);
        var submit = await e.PostFormAsync($"/Portal/Dossiers/Check/{id}", $"/Portal/Dossiers/Check/{id}", []);
        Assert.Equal(HttpStatusCode.Redirect, submit.StatusCode);
        Assert.Equal(DossierState.Submitted, await StateAsync(app, id));
    }
}

/// <summary>A generated body that starts like a PDF and never exists in memory as a whole.</summary>
internal sealed class PdfLikeStream(long length) : Stream
{
    private long _position;

    public override int Read(byte[] buffer, int offset, int count)
    {
        var n = (int)Math.Min(count, length - _position);
        if (n <= 0)
            return 0;
        for (var i = 0; i < n; i++)
            buffer[offset + i] = _position + i < 5 ? (byte)"%PDF-"[(int)(_position + i)] : (byte)'x';
        _position += n;
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => length;
    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override void Flush() { }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
