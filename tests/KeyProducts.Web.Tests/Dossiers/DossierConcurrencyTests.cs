using System.Globalization;
using System.Net;
using KeyProducts.Core.Dossiers;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static KeyProducts.Web.Tests.Dossiers.DossierArrange;

namespace KeyProducts.Web.Tests.Dossiers;

/// <summary>Two sessions on one dossier, double clicks and simultaneous uploads: a stale form is refused with what
/// changed
/// and nothing typed is lost; a double click saves once; uploads neither break the size limit nor leave two current
/// files.</summary>
public sealed class DossierConcurrencyTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Inv(long v) => v.ToString(CultureInfo.InvariantCulture);

    private Task<int> LatestYearAsync(int id) =>
        app.WithDbAsync(db =>
            db.Dossiers.Where(d => d.Id == id)
                .Select(d => db.Rounds.First(r => r.Id == d.RoundId).Year - 1)
                .FirstAsync()
        );

    private static async Task<(string Token, string Stamp)> OpenFiguresAsync(TestClient c, int id)
    {
        var html = await (await c.GetAsync($"/Portal/Dossiers/Edit/{id}/figures")).Content.ReadAsStringAsync();
        return (
            TestClient.AntiforgeryToken(html)!,
            TestClient.Stamp(html) ?? throw new InvalidOperationException("the figures form has no stamp")
        );
    }

    private static Task<HttpResponseMessage> SaveRevenueAsync(
        TestClient c,
        int id,
        (string Token, string Stamp) form,
        int year,
        string revenue
    ) =>
        c.PostWithTokenAsync(
            $"/Portal/Dossiers/Edit/{id}/figures?handler=Figures",
            form.Token,
            new()
            {
                ["Stamp"] = form.Stamp,
                ["Figures[0].Year"] = Inv(year),
                ["Figures[0].ProductRevenue"] = revenue,
                ["Figures[0].EnterpriseRevenue"] = "300.000.000.000",
            }
        );

    [Fact]
    public async Task A_save_from_a_stale_form_is_refused_keeps_the_typing_and_shows_the_saved_value()
    {
        var id = await DraftAsync(app, Enterprise1, complete: false);
        var year = await LatestYearAsync(id);
        using var a = await TestClient.LoggedInAsync(app, Enterprise1);
        using var b = await TestClient.LoggedInAsync(app, Enterprise1);
        var formA = await OpenFiguresAsync(a, id);
        var formB = await OpenFiguresAsync(b, id);
        app.Logs.Clear();

        Assert.Equal(
            HttpStatusCode.Redirect,
            (await SaveRevenueAsync(a, id, formA, year, "111.000.000.000")).StatusCode
        );
        var stale = await SaveRevenueAsync(b, id, formB, year, "222.000.000.000");

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var html = WebUtility.HtmlDecode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"conflict\"", html, StringComparison.Ordinal);
        Assert.Contains("111.000.000.000", html, StringComparison.Ordinal); // what the other session saved
        // what this user typed, still in the field
        Assert.Contains("value=\"222.000.000.000\"", html, StringComparison.Ordinal);
        Assert.Contains("phiên làm việc khác", html, StringComparison.Ordinal);
        Assert.Equal(111_000_000_000, await RevenueAsync(id, year));

        // The refused page carries the current stamp: saving again, knowingly, goes through.
        var again = await b.PostWithTokenAsync(
            $"/Portal/Dossiers/Edit/{id}/figures?handler=Figures",
            TestClient.AntiforgeryToken(html)!,
            new()
            {
                ["Stamp"] = TestClient.Stamp(html)!,
                ["Figures[0].Year"] = Inv(year),
                ["Figures[0].ProductRevenue"] = "222.000.000.000",
                ["Figures[0].EnterpriseRevenue"] = "300.000.000.000",
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(222_000_000_000, await RevenueAsync(id, year));
        Assert.Empty(app.Logs.Errors);
    }

    [Fact]
    public async Task A_stale_conditions_form_does_not_overwrite_the_answers_saved_meanwhile()
    {
        var id = await DraftAsync(app, Enterprise1, complete: false);
        var conditions = await app.WithDbAsync(db =>
            db.EligibilityConditions.Where(c =>
                    db.Dossiers.Any(d =>
                        d.Id == id && db.Rounds.Any(r => r.Id == d.RoundId && r.CriteriaSetId == c.CriteriaSetId)
                    )
                )
                .ToListAsync()
        );
        var code = conditions.First(c => c.AppliesTo("B")).Code;
        using var a = await TestClient.LoggedInAsync(app, Enterprise1);
        using var b = await TestClient.LoggedInAsync(app, Enterprise1);
        var pageB = await (await b.GetAsync($"/Portal/Dossiers/Edit/{id}/conditions")).Content.ReadAsStringAsync();

        var first = await a.PostFormAsync(
            $"/Portal/Dossiers/Edit/{id}/conditions",
            $"/Portal/Dossiers/Edit/{id}/conditions?handler=Conditions",
            new() { [$"Answers[{code}]"] = "yes" }
        );
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var stale = await b.PostWithTokenAsync(
            $"/Portal/Dossiers/Edit/{id}/conditions?handler=Conditions",
            TestClient.AntiforgeryToken(pageB)!,
            new() { ["Stamp"] = TestClient.Stamp(pageB)!, [$"Answers[{code}]"] = "no" }
        );

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.True(
            await app.WithDbAsync(db =>
                db.ConditionAnswers.AnyAsync(x => x.DossierId == id && x.ConditionCode == code && x.Answer == true)
            )
        );
    }

    [Fact]
    public async Task A_double_click_on_the_first_save_stores_one_row_per_year_and_both_clicks_succeed()
    {
        var id = await DraftAsync(app, Enterprise1, complete: false);
        var year = await LatestYearAsync(id);
        using var c = await TestClient.LoggedInAsync(app, Enterprise1);
        var form = await OpenFiguresAsync(c, id);
        app.Logs.Clear();

        var clicks = await Task.WhenAll(
            Enumerable.Range(0, 4).Select(_ => SaveRevenueAsync(c, id, form, year, "150.000.000.000"))
        );

        Assert.All(clicks, r => Assert.Equal(HttpStatusCode.Redirect, r.StatusCode));
        Assert.Equal(
            1,
            await app.WithDbAsync(db => db.DossierFigures.CountAsync(f => f.DossierId == id && f.Year == year))
        );
        Assert.Equal(150_000_000_000, await RevenueAsync(id, year));
        Assert.Empty(app.Logs.Errors);
    }

    [Fact]
    public async Task Simultaneous_uploads_never_take_the_dossier_past_its_size_limit()
    {
        var id = await DraftAsync(app, Enterprise1, complete: false);
        var pdk = await ChecklistItemAsync(app, id, "PDK");
        // 52 MB already stored: of four 3 MB files uploaded at once, exactly two fit under the 60 MB limit.
        await app.WithDbAsync(async db =>
        {
            db.DossierDocuments.Add(
                new DossierDocument
                {
                    DossierId = id,
                    ChecklistItemId = pdk,
                    FileName = "pdk.pdf",
                    ContentType = "application/pdf",
                    Size = 52L * 1024 * 1024,
                    Sha256 = new string('b', 64),
                    UploadedAt = app.Clock.GetUtcNow(),
                    UploadedBy = "seed",
                }
            );
            await db.SaveChangesAsync();
        });
        var items = new List<int>();
        foreach (var code in new[] { "TMSP", "GCNDKDN", "BCTC", "CNCL" })
            items.Add(await ChecklistItemAsync(app, id, code));
        using var c = await TestClient.LoggedInAsync(app, Enterprise1);
        var token = await UploadTokenAsync(c, id);
        app.Logs.Clear();

        var answers = await Task.WhenAll(
            items.Select(
                (item, i) =>
                    UploadAsync(
                        c,
                        id,
                        token,
                        item,
                        $"tep-{i}.pdf",
                        new StreamContent(new PdfLikeStream(3L * 1024 * 1024 + i))
                    )
            )
        );

        var statuses = string.Join(", ", answers.Select(r => (int)r.StatusCode));
        Assert.True(
            answers.Count(r => r.StatusCode == HttpStatusCode.Redirect) == 2,
            $"2 redirects expected: {statuses}"
        );
        Assert.True(
            answers.Count(r => r.StatusCode == HttpStatusCode.BadRequest) == 2,
            $"2 refusals expected: {statuses}"
        );
        var total = await app.WithDbAsync(db =>
            db.DossierDocuments.Where(d => d.DossierId == id && d.ReplacedAt == null).SumAsync(d => d.Size)
        );
        Assert.True(total <= 60L * 1024 * 1024, $"{total} bytes stored against a 60 MB limit");
        Assert.Empty(app.Logs.Errors);
    }

    [Fact]
    public async Task Simultaneous_uploads_into_one_item_leave_one_current_file_and_the_others_replaced()
    {
        var id = await DraftAsync(app, Enterprise1, complete: false);
        var item = await ChecklistItemAsync(app, id, "SHTT");
        using var c = await TestClient.LoggedInAsync(app, Enterprise1);
        var token = await UploadTokenAsync(c, id);
        app.Logs.Clear();

        var answers = await Task.WhenAll(
            Enumerable
                .Range(0, 4)
                .Select(i =>
                    UploadAsync(
                        c,
                        id,
                        token,
                        item,
                        $"shtt-{i}.pdf",
                        new ByteArrayContent(System.Text.Encoding.ASCII.GetBytes($"%PDF-1.4 version {i}"))
                    )
                )
        );

        // A failed upload names the server's error (the log), not only its status.
        Assert.True(
            answers.All(r => r.StatusCode == HttpStatusCode.Redirect),
            string.Join(", ", answers.Select(r => (int)r.StatusCode)) + "\n" + string.Join("\n", app.Logs.Errors)
        );
        var docs = await app.WithDbAsync(db =>
            db.DossierDocuments.Where(d => d.DossierId == id && d.ChecklistItemId == item).ToListAsync()
        );
        Assert.Equal(4, docs.Count);
        Assert.Single(docs, d => d.ReplacedAt is null);
        Assert.Empty(app.Logs.Errors);
    }

    [Fact]
    public async Task One_file_uploaded_at_once_into_slots_of_two_dossiers_is_stored_once_and_every_upload_succeeds()
    {
        var first = await DraftAsync(app, Enterprise1, complete: false);
        var second = await DraftAsync(app, Enterprise2, complete: false);
        using var e1 = await TestClient.LoggedInAsync(app, Enterprise1);
        using var e2 = await TestClient.LoggedInAsync(app, Enterprise2);
        var t1 = await UploadTokenAsync(e1, first);
        var t2 = await UploadTokenAsync(e2, second);
        var content = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4 one contract for everyone " + Guid.NewGuid());
        var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content));
        var uploads = new List<Task<HttpResponseMessage>>();
        foreach (var code in new[] { "CNCL", "SHTT", "CAMKET" })
        {
            uploads.Add(
                UploadAsync(
                    e1,
                    first,
                    t1,
                    await ChecklistItemAsync(app, first, code),
                    "hop-dong.pdf",
                    new ByteArrayContent(content)
                )
            );
            uploads.Add(
                UploadAsync(
                    e2,
                    second,
                    t2,
                    await ChecklistItemAsync(app, second, code),
                    "hop-dong.pdf",
                    new ByteArrayContent(content)
                )
            );
        }
        app.Logs.Clear();

        var answers = await Task.WhenAll(uploads);

        // A failed upload names the server's error (the log), not only its status.
        Assert.True(
            answers.All(r => r.StatusCode == HttpStatusCode.Redirect),
            string.Join(", ", answers.Select(r => (int)r.StatusCode)) + "\n" + string.Join("\n", app.Logs.Errors)
        );
        Assert.Equal(1, await app.WithDbAsync(db => db.StoredFiles.CountAsync(f => f.Sha256 == sha)));
        Assert.Equal(
            6,
            await app.WithDbAsync(db => db.DossierDocuments.CountAsync(d => d.Sha256 == sha && d.ReplacedAt == null))
        );
        Assert.Empty(app.Logs.Errors);
    }

    [Fact]
    public async Task A_stale_product_form_comes_back_with_the_typing_and_the_saved_name_instead_of_the_error_page()
    {
        var productId = await app.WithDbAsync(db =>
            db.Products.Where(p => db.Users.Any(u => u.Email == Enterprise1 && u.EnterpriseId == p.EnterpriseId))
                .OrderBy(p => p.Id)
                .Select(p => p.Id)
                .FirstAsync()
        );
        using var a = await TestClient.LoggedInAsync(app, Enterprise1);
        using var b = await TestClient.LoggedInAsync(app, Enterprise1);
        var url = $"/Portal/Products/Edit?id={productId}";
        var pageA = await a.GetHtmlAsync(url);
        var pageB = await b.GetHtmlAsync(url);
        static string Version(string html)
        {
            var input = html[html.IndexOf("name=\"Version\"", StringComparison.Ordinal)..];
            var start = input.IndexOf("value=\"", StringComparison.Ordinal) + 7;
            return input[start..input.IndexOf('"', start)];
        }
        Dictionary<string, string> Form(string html, string name) =>
            new()
            {
                ["__RequestVerificationToken"] = TestClient.AntiforgeryToken(html)!,
                ["Version"] = Version(html),
                ["Input.Name"] = name,
            };
        app.Logs.Clear();

        using (var first = new FormUrlEncodedContent(Form(pageA, "Tên từ phiên A")))
            Assert.Equal(
                HttpStatusCode.Redirect,
                (await a.Http.PostAsync(new Uri(url, UriKind.Relative), first)).StatusCode
            );
        using var stale = new FormUrlEncodedContent(Form(pageB, "Tên từ phiên B"));
        var refused = await b.Http.PostAsync(new Uri(url, UriKind.Relative), stale);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("value=\"Tên từ phiên B\"", html, StringComparison.Ordinal);
        Assert.Contains("“Tên từ phiên A”", html, StringComparison.Ordinal);
        Assert.Equal(
            "Tên từ phiên A",
            await app.WithDbAsync(db => db.Products.Where(p => p.Id == productId).Select(p => p.Name).FirstAsync())
        );
        Assert.Empty(app.Logs.Errors);
    }

    private Task<long?> RevenueAsync(int id, int year) =>
        app.WithDbAsync(db =>
            db.DossierFigures.Where(f => f.DossierId == id && f.Year == year)
                .Select(f => f.ProductRevenueVnd)
                .FirstAsync()
        );

    private static async Task<string> UploadTokenAsync(TestClient c, int id) =>
        TestClient.AntiforgeryToken(
            await (await c.GetAsync($"/Portal/Dossiers/Edit/{id}/documents")).Content.ReadAsStringAsync()
        )!;

    private static async Task<HttpResponseMessage> UploadAsync(
        TestClient c,
        int id,
        string token,
        int item,
        string fileName,
        HttpContent file
    )
    {
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(Inv(item)), "ChecklistItemId" },
            { file, "Upload", fileName },
        };
        return await c.Http.PostAsync(
            new Uri($"/Portal/Dossiers/Edit/{id}/documents?handler=Upload", UriKind.Relative),
            form
        );
    }
}
