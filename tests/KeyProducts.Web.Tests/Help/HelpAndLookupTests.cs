using System.IO.Compression;
using System.Net;
using System.Text.RegularExpressions;
using KeyProducts.Core.Rounds;
using KeyProducts.Web.Data.Seed;
using KeyProducts.Web.Tests.Dossiers;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Tests.Help;

/// <summary>The help page (procedure, legal basis, processing time, contact), the two forms as Word files (blank and
/// filled in
/// from a dossier), and the public status lookup by receipt code and tax code.</summary>
public sealed partial class HelpAndLookupTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    [Fact]
    public async Task The_help_page_gives_the_procedure_legal_basis_round_dates_and_contact_and_is_linked_everywhere()
    {
        using var c = TestClient.Anonymous(app);
        var home = await c.GetHtmlAsync("/");
        Assert.Contains("href=\"/Public/Help\"", home, StringComparison.Ordinal);
        Assert.Contains("href=\"/Public/Status\"", home, StringComparison.Ordinal);

        var html = await c.GetHtmlAsync("/Public/Help");
        var round = await app.WithDbAsync(db =>
            db.Rounds.Where(r => r.Status == RoundStatus.Published).OrderByDescending(r => r.Year).FirstAsync()
        );
        Assert.Contains("<title>Hướng dẫn · ", html, StringComparison.Ordinal);
        Assert.Equal(7, Regex.Matches(Section(html, "help-steps"), "<li>").Count);
        foreach (var basis in new[] { "496/QĐ-UBND", "2022/QĐ-UBND", "2023/QĐ-UBND" })
            Assert.Contains(basis, Section(html, "help-basis"), StringComparison.Ordinal);
        Assert.Contains(
            Core.Common.VnFormat.Date(round.SubmissionDeadline),
            Section(html, "help-dates"),
            StringComparison.Ordinal
        );
        Assert.Contains(
            Core.Common.VnFormat.Date(round.ScreeningDeadline),
            Section(html, "help-dates"),
            StringComparison.Ordinal
        );
        var contact = Section(html, "help-contact");
        Assert.Contains(round.ContactPhone, contact, StringComparison.Ordinal);
        Assert.Contains(round.ContactEmail, contact, StringComparison.Ordinal);
        Assert.Contains("/Public/Help?handler=Template&name=phieu-dang-ky", html, StringComparison.Ordinal);
        Assert.Contains("/Public/Help?handler=Template&name=ban-cam-ket", html, StringComparison.Ordinal);

        // The round's call links the forms beside the checklist items they fill.
        var call = await c.GetHtmlAsync($"/Public/Rounds/{round.Year}");
        Assert.Contains(
            $"/Public/Help?handler=Template&name=phieu-dang-ky&year={round.Year}",
            call,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task The_blank_forms_are_word_files_with_the_rounds_checklist_and_tracks()
    {
        using var c = TestClient.Anonymous(app);
        var round = await app.WithDbAsync(db =>
            db.Rounds.Include(r => r.Checklist)
                .Where(r => r.Status == RoundStatus.Published)
                .OrderByDescending(r => r.Year)
                .FirstAsync()
        );

        var form = await DocumentTextAsync(c, "/Public/Help?handler=Template&name=phieu-dang-ky");
        Assert.Contains("PHIẾU ĐĂNG KÝ", form, StringComparison.Ordinal);
        Assert.Contains(
            $"SẢN PHẨM CÔNG NGHIỆP CHỦ LỰC THÀNH PHỐ HÀ NỘI NĂM {round.Year}",
            form,
            StringComparison.Ordinal
        );
        Assert.Contains("Kính gửi: Sở Công Thương Hà Nội", form, StringComparison.Ordinal);
        // The attachments: every checklist item but the form itself.
        foreach (var item in round.Checklist.Where(i => i.Code != "PDK"))
            Assert.Contains(item.Name, form, StringComparison.Ordinal);
        Assert.DoesNotContain(round.Checklist.Single(i => i.Code == "PDK").Name, form, StringComparison.Ordinal);
        Assert.Contains("☐ B.", form, StringComparison.Ordinal);
        Assert.Contains("doanh thu từ 100.000.000.000 đồng/năm", form, StringComparison.Ordinal);
        Assert.Contains($"Năm {round.Year - 1}", form, StringComparison.Ordinal);
        Assert.Contains("mẫu tham khảo", form, StringComparison.Ordinal);

        var commitment = await DocumentTextAsync(c, "/Public/Help?handler=Template&name=ban-cam-ket");
        Assert.Contains("BẢN CAM KẾT", commitment, StringComparison.Ordinal);
        Assert.Contains(
            "bảo vệ môi trường, quản lý chất lượng sản phẩm, bảo hộ quyền sở hữu trí tuệ",
            commitment,
            StringComparison.Ordinal
        );

        Assert.Equal(
            HttpStatusCode.NotFound,
            (await c.GetAsync("/Public/Help?handler=Template&name=khong-co")).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await c.GetAsync("/Public/Help?handler=Template&name=ban-cam-ket&year=1999")).StatusCode
        );
    }

    [Fact]
    public async Task The_dossier_page_offers_the_forms_filled_in_to_its_owner_only()
    {
        var id = await DossierArrange.DraftAsync(app, DossierArrange.Enterprise1, complete: true);
        var (enterprise, tax, product) = await app.WithDbAsync(db =>
            db.Dossiers.Where(d => d.Id == id)
                .Select(d => new
                {
                    E = db.Enterprises.First(e => e.Id == d.EnterpriseId),
                    P = db.Products.First(p => p.Id == d.ProductId),
                })
                .Select(x => new Tuple<string, string, string>(x.E.NameVi, x.E.TaxCode, x.P.Name))
                .FirstAsync()
        );
        using var owner = await TestClient.LoggedInAsync(app, DossierArrange.Enterprise1);
        var page = await owner.GetHtmlAsync($"/Portal/Dossiers/Edit/{id}/documents");
        Assert.Contains(
            $"/Portal/Dossiers/Edit/{id}?handler=Template&name=phieu-dang-ky",
            page,
            StringComparison.Ordinal
        );
        Assert.Contains(
            $"/Portal/Dossiers/Edit/{id}?handler=Template&name=ban-cam-ket",
            page,
            StringComparison.Ordinal
        );

        var form = await DocumentTextAsync(owner, $"/Portal/Dossiers/Edit/{id}?handler=Template&name=phieu-dang-ky");
        Assert.Contains(enterprise, form, StringComparison.Ordinal);
        Assert.Contains(tax, form, StringComparison.Ordinal);
        Assert.Contains(product, form, StringComparison.Ordinal);
        Assert.Contains("☒ B.", form, StringComparison.Ordinal);
        Assert.Contains("150.000.000.000", form, StringComparison.Ordinal);
        var commitment = await DocumentTextAsync(
            owner,
            $"/Portal/Dossiers/Edit/{id}?handler=Template&name=ban-cam-ket"
        );
        Assert.Contains(product, commitment, StringComparison.Ordinal);

        using var other = await TestClient.LoggedInAsync(app, DossierArrange.Enterprise2);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await other.GetAsync($"/Portal/Dossiers/Edit/{id}?handler=Template&name=phieu-dang-ky")).StatusCode
        );
        using var anonymous = TestClient.Anonymous(app);
        Assert.NotEqual(
            HttpStatusCode.OK,
            (await anonymous.GetAsync($"/Portal/Dossiers/Edit/{id}?handler=Template&name=phieu-dang-ky")).StatusCode
        );
    }

    [Fact]
    public async Task The_status_lookup_shows_status_and_dates_only_and_the_same_answer_for_a_wrong_code_or_tax_code()
    {
        var (code, tax, name, otherTax) = await app.WithDbAsync(async db =>
        {
            var d = await db
                .Dossiers.Where(x => x.Code != null && x.SubmittedAt != null)
                .OrderBy(x => x.Id)
                .FirstAsync();
            var e = await db.Enterprises.FirstAsync(x => x.Id == d.EnterpriseId);
            var other = await db
                .Enterprises.Where(x => x.Id != e.Id && x.TaxCode.Length == 10)
                .Select(x => x.TaxCode)
                .FirstAsync();
            return (d.Code!, e.TaxCode, e.NameVi, other);
        });
        using var c = TestClient.Anonymous(app);
        var found = await LookupAsync(
            c,
            code.ToLowerInvariant(),
            string.Join(" ", tax.Chunk(3).Select(x => new string(x)))
        );
        Assert.Equal(HttpStatusCode.OK, found.Status);
        var result = Section(found.Html, "status-result");
        Assert.Contains(code, result, StringComparison.Ordinal);
        Assert.Contains("data-testid=\"status-state\"", result, StringComparison.Ordinal);
        Assert.DoesNotContain(name, found.Html, StringComparison.Ordinal);

        var wrongTax = await LookupAsync(c, code, otherTax);
        var wrongCode = await LookupAsync(c, code[..^4] + "9999", tax);
        Assert.Equal(HttpStatusCode.OK, wrongTax.Status);
        Assert.Equal(HttpStatusCode.OK, wrongCode.Status);
        Assert.Equal(Answer(wrongTax.Html), Answer(wrongCode.Html));
        Assert.Contains("data-testid=\"status-not-found\"", wrongTax.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("status-result", wrongTax.Html, StringComparison.Ordinal);

        // Malformed input is refused beside its field.
        var bad = await LookupAsync(c, "12345", "abc");
        Assert.Equal(HttpStatusCode.BadRequest, bad.Status);
        Assert.Contains("<title>Lỗi: ", bad.Html, StringComparison.Ordinal);
        Assert.Contains("href=\"#Input_Code\"", bad.Html, StringComparison.Ordinal);
        Assert.Matches(
            "id=\"Input_Code\"[^>]*aria-invalid=\"true\"|aria-invalid=\"true\"[^>]*id=\"Input_Code\"",
            bad.Html
        );
        var malformedTax = await LookupAsync(c, code, "0100233480");
        Assert.Equal(HttpStatusCode.BadRequest, malformedTax.Status);
        Assert.Contains("href=\"#Input_TaxCode\"", malformedTax.Html, StringComparison.Ordinal);
        Assert.Empty(app.Logs.Errors);
    }

    [Fact]
    public async Task Required_fields_are_marked_beside_their_label_and_to_assistive_technology()
    {
        using var c = TestClient.Anonymous(app);
        var html = await c.GetHtmlAsync("/Public/Status");
        Assert.Matches(
            "<label[^>]*for=\"Input_Code\"[^>]*>Mã hồ sơ <span class=\"required-mark\" aria-hidden=\"true\">\\(bắt "
                + "buộc\\)</span></label>",
            html
        );
        Assert.Matches(
            "<input[^>]*aria-required=\"true\"[^>]*id=\"Input_TaxCode\""
                + "|<input[^>]*id=\"Input_TaxCode\"[^>]*aria-required=\"true\"",
            html
        );
        var register = await c.GetHtmlAsync("/Account/Register");
        Assert.Contains("required-mark", register, StringComparison.Ordinal);
    }

    private static async Task<(HttpStatusCode Status, string Html)> LookupAsync(TestClient c, string code, string tax)
    {
        var r = await c.PostFormAsync(
            "/Public/Status",
            "/Public/Status",
            new() { ["Input.Code"] = code, ["Input.TaxCode"] = tax }
        );
        return (r.StatusCode, WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()));
    }

    /// <summary>The page below the form, where the answer is (the form itself echoes what was typed).</summary>
    private static string Answer(string html) =>
        html[
            html.IndexOf(
                "</form>",
                html.IndexOf("data-testid=\"status-form\"", StringComparison.Ordinal),
                StringComparison.Ordinal
            )..
        ];

    private static string Section(string html, string testId) =>
        Regex.Match(html, $"data-testid=\"{testId}\".*?</(section|ol|ul|dl)>", RegexOptions.Singleline).Value;

    private static async Task<string> DocumentTextAsync(TestClient c, string url)
    {
        var r = await c.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal(Docx, r.Content.Headers.ContentType?.MediaType);
        using var zip = new ZipArchive(await r.Content.ReadAsStreamAsync());
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        var xml = await reader.ReadToEndAsync();
        // The text of the runs, paragraph by paragraph.
        return string.Join(
            "\n",
            Regex
                .Matches(xml, "<w:p[ >].*?</w:p>", RegexOptions.Singleline)
                .Select(p =>
                    string.Concat(
                        Regex
                            .Matches(p.Value, "<w:t[^>]*>([^<]*)</w:t>")
                            .Select(t => WebUtility.HtmlDecode(t.Groups[1].Value))
                    )
                )
        );
    }
}
