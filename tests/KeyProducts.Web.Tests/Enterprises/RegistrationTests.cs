using System.Net;
using KeyProducts.Core.Enterprises;
using KeyProducts.Web.Data.Seed;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Tests.Enterprises;

public sealed class RegistrationTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static int _n;

    private static string NewEmail() => $"dk{Interlocked.Increment(ref _n)}-{Guid.NewGuid():N}@vidu.vn";

    [Theory]
    [InlineData("0100233488", "0100233488")]
    [InlineData("0314409058", "0314409058")]
    [InlineData("0314409058-002", "0314409058-002")]
    [InlineData("0100.112.437", "0100112437")]
    public async Task Registering_with_a_valid_tax_code_creates_a_pending_enterprise_and_its_owner(
        string input,
        string stored
    )
    {
        var email = NewEmail();
        using var c = TestClient.Anonymous(app);
        var r = await c.PostFormAsync("/Account/Register", "/Account/Register", RegistrationForm.Fields(input, email));
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal("/Account/Register/Done", r.Headers.Location?.OriginalString);
        Assert.Equal(
            "/Portal",
            (await c.LoginAsync(email, RegistrationForm.Password)).Headers.Location?.OriginalString
        );

        var (status, owner, factories) = await app.WithDbAsync(async db =>
        {
            var e = await db.Enterprises.Include(x => x.Factories).SingleAsync(x => x.TaxCode == stored);
            var u = await db.Users.SingleAsync(x => x.Email == email);
            return (e.Status, u.EnterpriseId == e.Id && u.IsEnterpriseOwner, e.Factories.Count);
        });
        Assert.Equal(EnterpriseStatus.Pending, status);
        Assert.True(owner);
        Assert.Equal(1, factories);
        var home = await c.GetHtmlAsync("/Portal");
        Assert.Contains("Chờ xác minh", home);
    }

    [Theory]
    [InlineData("0100233480", "sai chữ số kiểm tra")]
    [InlineData("0314409058-000", "Ba số cuối")]
    [InlineData("12345", "10 chữ số")]
    [InlineData("abc", "chỉ gồm chữ số")]
    public async Task Registering_with_an_invalid_tax_code_is_refused_beside_the_field_and_keeps_what_was_typed(
        string input,
        string message
    )
    {
        var email = NewEmail();
        using var c = TestClient.Anonymous(app);
        var r = await c.PostFormAsync(
            "/Account/Register",
            "/Account/Register",
            RegistrationForm.Fields(input, email, "Công ty TNHH Giữ Lại Dữ Liệu")
        );
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var html = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
        Assert.Contains("data-testid=\"error-summary\"", html);
        Assert.Contains(message, html);
        Assert.Contains("value=\"Công ty TNHH Giữ Lại Dữ Liệu\"", html);
        Assert.False(await app.WithDbAsync(db => db.Users.AnyAsync(u => u.Email == email)));
    }

    [Fact]
    public async Task A_second_registration_with_the_same_tax_code_says_how_to_join_the_existing_enterprise()
    {
        using var c = TestClient.Anonymous(app);
        var r = await c.PostFormAsync(
            "/Account/Register",
            "/Account/Register",
            RegistrationForm.Fields("0101234565", NewEmail())
        );
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var html = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
        Assert.Contains("đã được đăng ký", html);
        Assert.Contains("gửi lời mời", html);
        Assert.Equal(1, await app.WithDbAsync(db => db.Enterprises.CountAsync(e => e.TaxCode == "0101234565")));
    }

    [Fact]
    public async Task An_officer_rejects_with_a_reason_the_enterprise_corrects_and_resubmits_and_the_officer_verifies()
    {
        var email = NewEmail();
        using var ent = TestClient.Anonymous(app);
        await ent.PostFormAsync(
            "/Account/Register",
            "/Account/Register",
            RegistrationForm.Fields("0312687878", email, "Công ty TNHH Vòng Xác Minh")
        );
        await ent.LoginAsync(email, RegistrationForm.Password);
        var id = await app.WithDbAsync(db =>
            db.Enterprises.Where(e => e.TaxCode == "0312687878").Select(e => e.Id).SingleAsync()
        );
        var page = $"/Secretariat/Enterprises/Details?id={id}";

        using var officer = await TestClient.LoggedInAsync(app, AccountsSeeder.OfficerEmail);
        var noReason = await officer.PostFormAsync(page, $"{page}&handler=Reject", new() { ["Reason"] = " " });
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        Assert.Contains(
            "Vui lòng nêu lý do từ chối.",
            WebUtility.HtmlDecode(await noReason.Content.ReadAsStringAsync())
        );

        var rejected = await officer.PostFormAsync(
            page,
            $"{page}&handler=Reject",
            new() { ["Reason"] = "Thiếu địa chỉ nhà xưởng tại Hà Nội" }
        );
        Assert.Equal(HttpStatusCode.Redirect, rejected.StatusCode);
        Assert.Contains("Thiếu địa chỉ nhà xưởng tại Hà Nội", await ent.GetHtmlAsync("/Portal"));

        var fields = RegistrationForm.Fields("0312687878", email, "Công ty TNHH Vòng Xác Minh");
        fields["Input.FactoryStreet"] = "Lô B2 KCN Quang Minh";
        fields["Version"] = (
            await app.WithDbAsync(db => db.Enterprises.Where(e => e.Id == id).Select(e => e.Version).SingleAsync())
        ).ToString(System.Globalization.CultureInfo.InvariantCulture);
        fields["resubmit"] = "true";
        var resubmitted = await ent.PostFormAsync("/Portal/Profile", "/Portal/Profile", fields);
        Assert.Equal(HttpStatusCode.Redirect, resubmitted.StatusCode);
        Assert.Equal(
            EnterpriseStatus.Pending,
            await app.WithDbAsync(db => db.Enterprises.Where(e => e.Id == id).Select(e => e.Status).SingleAsync())
        );

        var verified = await officer.PostFormAsync(page, $"{page}&handler=Verify", []);
        Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        Assert.Equal(
            EnterpriseStatus.Verified,
            await app.WithDbAsync(db => db.Enterprises.Where(e => e.Id == id).Select(e => e.Status).SingleAsync())
        );
        var details = await officer.GetHtmlAsync(page);
        Assert.Contains("Lô B2 KCN Quang Minh", details);
        Assert.Contains("Thiếu địa chỉ nhà xưởng tại Hà Nội", details); // the rejection stays in the history
        // received, rejected, verified
        Assert.True(await app.WithDbAsync(db => db.Outbox.CountAsync(m => m.To == email)) >= 3);
    }

    [Fact]
    public async Task Officers_search_ignoring_diacritics_and_filter_by_status()
    {
        using var ent = TestClient.Anonymous(app);
        await ent.PostFormAsync(
            "/Account/Register",
            "/Account/Register",
            RegistrationForm.Fields("0105550018", NewEmail(), "Công ty Cổ phần Sơn Hà")
        );
        using var officer = await TestClient.LoggedInAsync(app, AccountsSeeder.OfficerEmail);
        var found = await officer.GetHtmlAsync("/Secretariat/Enterprises?q=son+ha");
        Assert.Contains("Công ty Cổ phần Sơn Hà", found);
        Assert.DoesNotContain("Sông Hồng", found);
        var verifiedOnly = await officer.GetHtmlAsync("/Secretariat/Enterprises?q=son+ha&status=Verified");
        Assert.DoesNotContain("Công ty Cổ phần Sơn Hà", verifiedOnly);
        var byTax = await officer.GetHtmlAsync("/Secretariat/Enterprises?q=0101234565");
        Assert.Contains("Sông Hồng", byTax);
    }

    [Fact]
    public async Task The_enterprise_list_exports_to_excel()
    {
        using var officer = await TestClient.LoggedInAsync(app, AccountsSeeder.OfficerEmail);
        var r = await officer.GetAsync("/Secretariat/Enterprises?status=Verified&handler=Export");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            r.Content.Headers.ContentType?.MediaType
        );
        using var wb = new ClosedXML.Excel.XLWorkbook(await r.Content.ReadAsStreamAsync());
        var ws = wb.Worksheets.First();
        Assert.Equal("Mã số thuế", ws.Cell(1, 2).GetString());
        var taxCodes = ws.RowsUsed().Skip(1).Select(row => row.Cell(2).GetString()).ToList();
        Assert.Contains("0101234565", taxCodes);
        Assert.DoesNotContain("0102876540", taxCodes); // the pending demo enterprise is filtered out
    }

    private async Task<int> QueriesOfAsync(TestClient c, string url)
    {
        await c.GetHtmlAsync(url); // warm up: user, roles, compiled queries
        using (app.Queries.Start())
        {
            await c.GetHtmlAsync(url);
            return app.Queries.Count;
        }
    }

    [Fact]
    public async Task The_enterprise_list_runs_the_same_number_of_queries_for_one_or_many_rows()
    {
        using var c = await TestClient.LoggedInAsync(app, AccountsSeeder.OfficerEmail);
        var one = await QueriesOfAsync(c, "/Secretariat/Enterprises?q=0101234565");
        var all = await QueriesOfAsync(c, "/Secretariat/Enterprises");
        Assert.True(one > 0);
        Assert.Equal(one, all);
    }

    [Fact]
    public async Task The_product_and_rulebook_lists_do_not_grow_in_queries_with_their_rows()
    {
        using var ent = await TestClient.LoggedInAsync(app, AccountsSeeder.EnterpriseEmail);
        using var officer = await TestClient.LoggedInAsync(app, AccountsSeeder.OfficerEmail);
        var products = await QueriesOfAsync(ent, "/Portal/Products");
        var sets = await QueriesOfAsync(officer, "/Secretariat/Rulebook");
        await app.WithDbAsync(async db =>
        {
            var eid = await db
                .Users.Where(u => u.Email == AccountsSeeder.EnterpriseEmail)
                .Select(u => u.EnterpriseId!.Value)
                .SingleAsync();
            for (var i = 0; i < 3; i++)
            {
                db.Products.Add(
                    new Product
                    {
                        EnterpriseId = eid,
                        Name = $"Sản phẩm thêm {i}",
                        CreatedAt = app.Clock.GetUtcNow(),
                        IntellectualProperties =
                        [
                            new IntellectualProperty { Kind = IpKind.Patent, Number = $"1-00{i}" },
                        ],
                    }
                );
                db.CriteriaSets.Add(
                    new Core.Rulebook.CriteriaSet
                    {
                        Name = $"Bộ thử {i}",
                        Groups =
                        [
                            new()
                            {
                                Code = "G",
                                Name = "Nhóm",
                                Indicators =
                                [
                                    new()
                                    {
                                        Code = "G.1",
                                        Name = "Chỉ tiêu",
                                        MaxPointsHundredths = 1000,
                                    },
                                ],
                            },
                        ],
                    }
                );
            }
            await db.SaveChangesAsync();
        });
        Assert.Equal(products, await QueriesOfAsync(ent, "/Portal/Products"));
        Assert.Equal(sets, await QueriesOfAsync(officer, "/Secretariat/Rulebook"));
    }
}
