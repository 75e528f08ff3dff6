using System.IO.Compression;
using System.Net;
using ClosedXML.Excel;
using KeyProducts.Core.Dossiers;
using KeyProducts.Web.Data.Seed;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static KeyProducts.Web.Tests.Council.CouncilTestData;

namespace KeyProducts.Web.Tests.Council;

/// <summary>From scored sheets to the city's decision, through the officer's pages, the public page and the enterprise
/// portal.</summary>
[LongRunning(10)]
public sealed class CouncilDecisionTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static Dictionary<string, string> Fields(params (string, string)[] pairs) =>
        pairs.ToDictionary(p => p.Item1, p => p.Item2);

    [Fact]
    public async Task Results_are_confirmed_with_quorum_published_for_comment_and_recognized_by_decision()
    {
        // Hand the last eligible dossier to the council, then every member scores; the Bát Tràng dossier scores low and
        // fails.
        var officer = await TestClient.LoggedInAsync(app, AccountsSeeder.OfficerEmail);
        var start = await officer.PostFormAsync("/Secretariat/Council", "/Secretariat/Council?handler=Start", []);
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var failing = await app.DossierOfAsync("0104567890");
        await app.ScoreEverythingAsync(d => d == failing ? 40 : 80);

        // Before the results are confirmed there are no minutes nor draft decision to download, only the progress
        // workbook.
        foreach (var kind in new[] { "minutes", "decision" })
        {
            var notYet = await officer.GetAsync($"/Secretariat/Council/Download?kind={kind}");
            Assert.Equal(HttpStatusCode.Conflict, notYet.StatusCode);
            Assert.Contains(
                "có sau khi Hội đồng xác nhận kết quả",
                WebUtility.HtmlDecode(await notYet.Content.ReadAsStringAsync())
            );
        }
        Assert.DoesNotContain("data-testid=\"minutes\"", await officer.GetHtmlAsync("/Secretariat/Council/Results"));
        Assert.Equal(
            HttpStatusCode.OK,
            (await officer.GetAsync("/Secretariat/Council/Download?kind=results")).StatusCode
        );

        // Without quorum the results cannot be confirmed.
        var confirm = await officer.PostFormAsync(
            "/Secretariat/Council/Results",
            "/Secretariat/Council/Results?handler=Confirm",
            []
        );
        Assert.Contains("Chưa đủ điều kiện họp", WebUtility.HtmlDecode(await confirm.Content.ReadAsStringAsync()));

        var members = await app.WithDbAsync(db => db.CouncilMembers.OrderBy(m => m.Id).Select(m => m.Id).ToListAsync());
        var present = members
            .Take(6)
            .Select(id => new KeyValuePair<string, string>(
                "Present",
                id.ToString(System.Globalization.CultureInfo.InvariantCulture)
            ))
            .ToList();
        var page = await officer.GetHtmlAsync("/Secretariat/Council/Results");
        using (
            var content = new FormUrlEncodedContent(
                present.Append(new("__RequestVerificationToken", TestClient.AntiforgeryToken(page)!))
            )
        )
            Assert.Equal(
                HttpStatusCode.Redirect,
                (
                    await officer.Http.PostAsync(
                        new Uri("/Secretariat/Council/Results?handler=Attendance", UriKind.Relative),
                        content
                    )
                ).StatusCode
            );
        Assert.Contains("đủ túc số", await officer.GetHtmlAsync("/Secretariat/Council/Results"));
        Assert.Equal(
            HttpStatusCode.Redirect,
            (
                await officer.PostFormAsync(
                    "/Secretariat/Council/Results",
                    "/Secretariat/Council/Results?handler=Confirm",
                    []
                )
            ).StatusCode
        );
        Assert.Equal(0, await app.WithDbAsync(db => db.Dossiers.CountAsync(d => d.State == DossierState.Scoring)));

        // Exports: every member's score and comment in Excel; the minutes as a Word document with the result table.
        var xlsx = await officer.GetAsync("/Secretariat/Council/Download?kind=results");
        using (var wb = new XLWorkbook(await xlsx.Content.ReadAsStreamAsync()))
        {
            var all = wb.Worksheet("Điểm từng thành viên");
            Assert.Contains(all.RowsUsed(), r =>
                r.Cell(4).GetString() == "Phạm Thị Lan" && r.Cell(7).GetString() == "Nhận xét"
            );
            Assert.True(wb.Worksheet("Theo chỉ tiêu").RowsUsed().Count() > 14);
        }
        var minutes = await DocumentTextAsync(officer, "/Secretariat/Council/Download?kind=minutes");
        Assert.Contains("BIÊN BẢN", minutes);
        Assert.Contains("Độc lập - Tự do - Hạnh phúc", minutes);
        Assert.Contains("Không đạt", minutes);

        // Publish for comment; the public page lists the passing products and accepts a comment.
        var today = Core.Common.VietnamTime.Today(app.Clock);
        var publish = await officer.PostFormAsync(
            "/Secretariat/Council/Results",
            "/Secretariat/Council/Results?handler=Publish",
            Fields(
                ("CommentOpens", today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
                (
                    "CommentCloses",
                    today.AddDays(14).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
                )
            )
        );
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        using var citizen = TestClient.Anonymous(app);
        var listed = await citizen.GetHtmlAsync($"/Public/Comments/{today.Year}");
        Assert.Contains("Áo jacket xuất khẩu cao cấp", listed);
        Assert.DoesNotContain("Bình gốm men lam vẽ tay", listed);
        var empty = await citizen.PostFormAsync(
            $"/Public/Comments/{today.Year}",
            $"/Public/Comments/{today.Year}",
            Fields(("Input.Name", ""))
        );
        Assert.Contains("Nhập nội dung ý kiến", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()));
        var sent = await citizen.PostFormAsync(
            $"/Public/Comments/{today.Year}",
            $"/Public/Comments/{today.Year}",
            Fields(
                ("Input.Name", "Nguyễn Văn Dân"),
                ("Input.Contact", "dan@example.vn"),
                (
                    "Input.DossierId",
                    (await app.DossierOfAsync("0108912347")).ToString(System.Globalization.CultureInfo.InvariantCulture)
                ),
                ("Input.Content", "Đề nghị kiểm tra lại số liệu xuất khẩu của sản phẩm.")
            )
        );
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        // The home page and the call point to the comments while the window runs.
        Assert.Contains(
            $"href=\"/Public/Comments/{today.Year}\"",
            await citizen.GetHtmlAsync("/"),
            StringComparison.Ordinal
        );
        Assert.Contains(
            $"href=\"/Public/Comments/{today.Year}\"",
            await citizen.GetHtmlAsync($"/Public/Rounds/{today.Year}"),
            StringComparison.Ordinal
        );

        // Proposing before the window closes, or with an unanswered comment, is refused.
        var early = await officer.PostFormAsync(
            "/Secretariat/Council/Comments",
            "/Secretariat/Council/Comments?handler=Propose",
            []
        );
        Assert.Contains(
            "Chưa hết thời gian lấy ý kiến",
            WebUtility.HtmlDecode(await early.Content.ReadAsStringAsync())
        );
        app.Clock.Advance(TimeSpan.FromDays(16));
        officer.Dispose(); // the sign-in cookie expired with the days that passed
        officer = await TestClient.LoggedInAsync(app, AccountsSeeder.OfficerEmail);
        var unanswered = await officer.PostFormAsync(
            "/Secretariat/Council/Comments",
            "/Secretariat/Council/Comments?handler=Propose",
            []
        );
        Assert.Contains("chưa được trả lời", WebUtility.HtmlDecode(await unanswered.Content.ReadAsStringAsync()));
        var commentId = await app.WithDbAsync(db => db.PublicComments.Select(c => c.Id).FirstAsync());
        Assert.Equal(
            HttpStatusCode.Redirect,
            (
                await officer.PostFormAsync(
                    "/Secretariat/Council/Comments",
                    "/Secretariat/Council/Comments?handler=Answer",
                    Fields(
                        ("CommentId", commentId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                        ("Answer", "Đã đối chiếu tờ khai hải quan, số liệu đúng."),
                        ("Handling", "Giữ nguyên kết quả")
                    )
                )
            ).StatusCode
        );
        // The answer is published (without the commenter's contact) and mailed to the commenter.
        var answered = WebUtility.HtmlDecode(await citizen.GetHtmlAsync($"/Public/Comments/{today.Year}"));
        Assert.Contains("Đã đối chiếu tờ khai hải quan, số liệu đúng.", answered, StringComparison.Ordinal);
        Assert.DoesNotContain("dan@example.vn", answered, StringComparison.Ordinal);
        Assert.True(
            await app.WithDbAsync(db =>
                db.Outbox.AnyAsync(m =>
                    m.To == "dan@example.vn" && m.TextBody.Contains("Đã đối chiếu tờ khai hải quan")
                )
            )
        );
        Assert.Equal(
            HttpStatusCode.Redirect,
            (
                await officer.PostFormAsync(
                    "/Secretariat/Council/Comments",
                    "/Secretariat/Council/Comments?handler=Propose",
                    []
                )
            ).StatusCode
        );
        Assert.Equal(
            DossierState.NotRecognized,
            await app.WithDbAsync(db => db.Dossiers.Where(d => d.Id == failing).Select(d => d.State).FirstAsync())
        );

        // The decision: a malformed number is refused; a proper one creates recognitions valid for the rulebook's
        // months.
        var proposed = await app.WithDbAsync(db =>
            db.Dossiers.Where(d => d.State == DossierState.Proposed).Select(d => d.Id).ToListAsync()
        );
        var form = new List<KeyValuePair<string, string>>
        {
            new("Input.Number", "5012 QĐ UBND"),
            new("Input.Date", "2026-07-10"),
            new("Input.Signer", "Nguyễn Mạnh Quyền"),
            new("Input.SignerTitle", "Phó Chủ tịch"),
        };
        form.AddRange(
            proposed.Select(id => new KeyValuePair<string, string>(
                "Input.Recognized",
                id.ToString(System.Globalization.CultureInfo.InvariantCulture)
            ))
        );
        form.AddRange(
            proposed
                .Take(2)
                .Select(id => new KeyValuePair<string, string>(
                    "Input.Top10",
                    id.ToString(System.Globalization.CultureInfo.InvariantCulture)
                ))
        );
        var bad = await PostListAsync(officer, "/Secretariat/Council/Decision", form);
        Assert.Contains("không đúng dạng", WebUtility.HtmlDecode(await bad.Content.ReadAsStringAsync()));
        form[0] = new("Input.Number", "5012/QĐ-UBND");
        Assert.Equal(
            HttpStatusCode.Redirect,
            (await PostListAsync(officer, "/Secretariat/Council/Decision", form)).StatusCode
        );

        var recognitions = await app.WithDbAsync(db =>
            db.Recognitions.Where(r => r.DossierId != null && proposed.Contains(r.DossierId.Value)).ToListAsync()
        );
        Assert.Equal(proposed.Count, recognitions.Count);
        Assert.Single(recognitions.Select(r => r.DecisionId).Distinct());
        Assert.Equal(2, recognitions.Count(r => r.Top10));
        // 36 months from 10/07/2026, to the day before
        Assert.All(recognitions, r => Assert.Equal(new DateOnly(2029, 7, 9), r.ValidTo));
        Assert.Equal(
            proposed.Count,
            await app.WithDbAsync(db =>
                db.Dossiers.CountAsync(d => proposed.Contains(d.Id) && d.State == DossierState.Recognized)
            )
        );
        // The decision issues its certificates at once: one per recognition, plus a Top 10 certificate for each Top 10
        // place.
        var recognitionIds = recognitions.Select(r => r.Id).ToList();
        Assert.Equal(
            proposed.Count + 2,
            await app.WithDbAsync(db => db.Certificates.CountAsync(c => recognitionIds.Contains(c.RecognitionId)))
        );
        Assert.True(await app.WithDbAsync(db => db.Outbox.AnyAsync(m => m.Subject.Contains("Quyết định công nhận"))));

        var decision = await DocumentTextAsync(officer, "/Secretariat/Council/Download?kind=decision");
        foreach (
            var expected in new[]
            {
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "ỦY BAN NHÂN DÂN",
                "Số: 5012/QĐ-UBND",
                "Hà Nội, ngày 10 tháng 07 năm 2026",
                "Điều 1.",
                "Điều 3.",
                "TM. ỦY BAN NHÂN DÂN",
                "KT. CHỦ TỊCH",
                "PHÓ CHỦ TỊCH",
                "Nguyễn Mạnh Quyền",
                "PHỤ LỤC I",
                "Áo jacket xuất khẩu cao cấp",
            }
        )
            Assert.Contains(expected, decision);

        // The enterprise sees its own breakdown when recognized, its total and the pass mark when not.
        using var recognized = await EnterpriseClientAsync("0108912347");
        var html = await recognized.GetHtmlAsync("/Portal/Results");
        Assert.Contains("data-testid=\"recognized\"", html);
        Assert.Contains("data-testid=\"breakdown\"", html);
        Assert.Contains("G7.2", html);
        using var failed = await EnterpriseClientAsync("0104567890");
        var html2 = await failed.GetHtmlAsync("/Portal/Results");
        Assert.Contains("data-testid=\"not-recognized\"", html2);
        Assert.Contains("điểm chuẩn: <strong>70</strong>", html2);
        Assert.DoesNotContain("data-testid=\"breakdown\"", html2);
        Assert.Empty(app.Logs.Errors);
        officer.Dispose();
    }

    /// <summary>Signs in a fresh enterprise user attached to the enterprise with this tax code.</summary>
    private async Task<TestClient> EnterpriseClientAsync(string taxCode)
    {
        var email = $"dn-{taxCode}@example.vn";
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Data.ApplicationUser>>();
            if (await users.FindByEmailAsync(email) is null)
            {
                var enterpriseId = await app.WithDbAsync(db =>
                    db.Enterprises.Where(e => e.TaxCode == taxCode).Select(e => e.Id).FirstAsync()
                );
                var u = new Data.ApplicationUser
                {
                    UserName = email,
                    Email = email,
                    EmailConfirmed = true,
                    DisplayName = "Kế toán",
                    EnterpriseId = enterpriseId,
                };
                await AccountsSeeder.CreateWithDemoPasswordAsync(users, u);
                await users.AddToRoleAsync(u, Data.Roles.Enterprise);
            }
        }
        return await TestClient.LoggedInAsync(app, email);
    }

    private static async Task<HttpResponseMessage> PostListAsync(
        TestClient c,
        string page,
        List<KeyValuePair<string, string>> fields
    )
    {
        var token = TestClient.AntiforgeryToken(await c.GetHtmlAsync(page))!;
        using var content = new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token)));
        return await c.Http.PostAsync(new Uri(page, UriKind.Relative), content);
    }

    private static async Task<string> DocumentTextAsync(TestClient c, string url)
    {
        var r = await c.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var bytes = await r.Content.ReadAsByteArrayAsync();
        using (var doc = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Open(new MemoryStream(bytes), false))
        {
            // Word refuses files that break the schema (element order and the like), even when LibreOffice opens them.
            var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator()
                .Validate(doc)
                .Select(e => e.Description + " @ " + e.Path?.XPath)
                .ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
        }
        using var zip = new ZipArchive(new MemoryStream(bytes));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = System.Xml.Linq.XDocument.Parse(await reader.ReadToEndAsync());
        System.Xml.Linq.XNamespace w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
        return string.Join(
            "\n",
            xml.Descendants(w + "p").Select(p => string.Concat(p.Descendants(w + "t").Select(t => t.Value)))
        );
    }
}
