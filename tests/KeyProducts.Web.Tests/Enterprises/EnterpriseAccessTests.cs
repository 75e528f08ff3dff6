using System.Net;
using System.Net.Http.Json;
using KeyProducts.Web.Data.Seed;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Tests.Enterprises;

/// <summary>An enterprise user changing ids in URLs or API calls never reaches another enterprise's data.</summary>
public sealed class EnterpriseAccessTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<(int OwnEnterprise, int OtherEnterprise, int OwnProduct, int OtherProduct)> IdsAsync() =>
        await app.WithDbAsync(async db =>
        {
            var own = await db
                .Users.Where(u => u.Email == AccountsSeeder.EnterpriseEmail)
                .Select(u => u.EnterpriseId!.Value)
                .SingleAsync();
            var other = await db
                .Users.Where(u => u.Email == AccountsSeeder.OtherEnterpriseEmail)
                .Select(u => u.EnterpriseId!.Value)
                .SingleAsync();
            var ownProduct = await db.Products.Where(p => p.EnterpriseId == own).Select(p => p.Id).FirstAsync();
            var otherProduct = await db.Products.Where(p => p.EnterpriseId == other).Select(p => p.Id).FirstAsync();
            return (own, other, ownProduct, otherProduct);
        });

    [Fact]
    public async Task Another_enterprises_product_page_is_not_found()
    {
        var ids = await IdsAsync();
        using var c = await TestClient.LoggedInAsync(app, AccountsSeeder.EnterpriseEmail);
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync($"/Portal/Products/Edit?id={ids.OwnProduct}")).StatusCode);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await c.GetAsync($"/Portal/Products/Edit?id={ids.OtherProduct}")).StatusCode
        );
        var list = await c.GetHtmlAsync("/Portal/Products");
        var otherName = await app.WithDbAsync(db =>
            db.Products.Where(p => p.Id == ids.OtherProduct).Select(p => p.Name).SingleAsync()
        );
        Assert.DoesNotContain(otherName, list);
    }

    [Fact]
    public async Task Posting_to_another_enterprises_product_changes_nothing()
    {
        var ids = await IdsAsync();
        using var c = await TestClient.LoggedInAsync(app, AccountsSeeder.EnterpriseEmail);
        var token = TestClient.AntiforgeryToken(await c.GetHtmlAsync($"/Portal/Products/Edit?id={ids.OwnProduct}"))!;
        var r = await c.PostWithTokenAsync(
            $"/Portal/Products/Edit?id={ids.OtherProduct}",
            token,
            new() { ["Input.Name"] = "Đã bị sửa", ["Version"] = "0" }
        );
        Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        var del = await c.PostWithTokenAsync($"/Portal/Products/Edit?id={ids.OtherProduct}&handler=Delete", token, []);
        Assert.Equal(HttpStatusCode.NotFound, del.StatusCode);
        Assert.NotEqual(
            "Đã bị sửa",
            await app.WithDbAsync(db =>
                db.Products.Where(p => p.Id == ids.OtherProduct).Select(p => p.Name).SingleAsync()
            )
        );
    }

    [Fact]
    public async Task A_product_with_a_dossier_cannot_be_deleted_and_the_refusal_is_a_conflict_beside_the_form()
    {
        var own = (await IdsAsync()).OwnEnterprise;
        var product = await app.WithDbAsync(db =>
            db.Products.Where(p => p.EnterpriseId == own && db.Dossiers.Any(d => d.ProductId == p.Id))
                .Select(p => p.Id)
                .FirstAsync()
        );
        using var c = await TestClient.LoggedInAsync(app, AccountsSeeder.EnterpriseEmail);
        var token = TestClient.AntiforgeryToken(await c.GetHtmlAsync($"/Portal/Products/Edit?id={product}"))!;
        var r = await c.PostWithTokenAsync($"/Portal/Products/Edit?id={product}&handler=Delete", token, []);
        Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
        Assert.Contains(
            "không thể xóa",
            WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()),
            StringComparison.Ordinal
        );
        Assert.True(await app.WithDbAsync(db => db.Products.AnyAsync(p => p.Id == product)));
    }

    [Fact]
    public async Task Officer_pages_of_an_enterprise_are_refused_to_enterprise_users()
    {
        var ids = await IdsAsync();
        using var c = await TestClient.LoggedInAsync(app, AccountsSeeder.EnterpriseEmail);
        foreach (
            var url in new[]
            {
                $"/Secretariat/Enterprises/Details?id={ids.OtherEnterprise}",
                $"/Secretariat/Enterprises/Details?id={ids.OwnEnterprise}",
                "/Secretariat/Enterprises",
            }
        )
        {
            var r = await c.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.StartsWith(
                "/Account/AccessDenied",
                r.Headers.Location?.PathAndQuery ?? r.Headers.Location?.OriginalString,
                StringComparison.Ordinal
            );
        }
    }

    [Fact]
    public async Task The_api_gives_404_for_another_enterprise_and_lists_only_own_products()
    {
        var ids = await IdsAsync();
        using var c = await TestClient.LoggedInAsync(app, AccountsSeeder.EnterpriseEmail);
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync($"/api/v1/enterprises/{ids.OwnEnterprise}")).StatusCode);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await c.GetAsync($"/api/v1/enterprises/{ids.OtherEnterprise}")).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await c.GetAsync($"/api/v1/enterprises/me/products/{ids.OtherProduct}")).StatusCode
        );
        var me = await c.Http.GetFromJsonAsync<Dictionary<string, object>>("/api/v1/enterprises/me");
        Assert.Equal(
            ids.OwnEnterprise.ToString(System.Globalization.CultureInfo.InvariantCulture),
            me!["id"].ToString()
        );

        var products = await c.Http.GetFromJsonAsync<List<Dictionary<string, object>>>(
            "/api/v1/enterprises/me/products"
        );
        Assert.NotEmpty(products!);
        Assert.All(products!, p =>
            Assert.Equal(
                ids.OwnEnterprise.ToString(System.Globalization.CultureInfo.InvariantCulture),
                p["enterpriseId"].ToString()
            )
        );

        await c.UseApiAntiforgeryAsync();
        var put = await c.Http.PutAsJsonAsync(
            $"/api/v1/enterprises/me/products/{ids.OtherProduct}?version=0",
            new { name = "Bị sửa qua API" }
        );
        Assert.Equal(HttpStatusCode.NotFound, put.StatusCode);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await c.GetAsync($"/api/v1/enterprises/{ids.OtherEnterprise}/products")).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.OK,
            (await c.GetAsync($"/api/v1/enterprises/{ids.OwnEnterprise}/products")).StatusCode
        );

        using var officer = await TestClient.LoggedInAsync(app, AccountsSeeder.OfficerEmail);
        var theirs = await officer.Http.GetFromJsonAsync<List<Dictionary<string, object>>>(
            $"/api/v1/enterprises/{ids.OtherEnterprise}/products"
        );
        Assert.All(theirs!, p =>
            Assert.Equal(
                ids.OtherEnterprise.ToString(System.Globalization.CultureInfo.InvariantCulture),
                p["enterpriseId"].ToString()
            )
        );
    }

    [Fact]
    public async Task Anonymous_api_calls_are_refused()
    {
        using var c = TestClient.Anonymous(app);
        Assert.Equal(HttpStatusCode.Unauthorized, (await c.GetAsync("/api/v1/enterprises/me/products")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await c.GetAsync("/api/v1/enterprises/me")).StatusCode);
    }

    [Fact]
    public async Task An_enterprise_adds_a_product_through_the_api_and_bad_input_comes_back_as_problem_details()
    {
        using var c = await TestClient.LoggedInAsync(app, AccountsSeeder.OtherEnterpriseEmail);
        await c.UseApiAntiforgeryAsync();
        var bad = await c.Http.PostAsJsonAsync(
            "/api/v1/enterprises/me/products",
            new
            {
                name = "Máy in 3D",
                isHighTech = true,
                highTechCode = "KHONG-CO",
            }
        );
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Danh mục sản phẩm công nghệ cao", await bad.Content.ReadAsStringAsync());

        var ok = await c.Http.PostAsJsonAsync(
            "/api/v1/enterprises/me/products",
            new
            {
                name = "Máy in 3D công nghiệp",
                isHighTech = true,
                highTechCode = "PL2-01",
                intellectualProperty = "Sáng chế | 1-0012345 | 01/02/2024 | Đầu in",
            }
        );
        Assert.Equal(HttpStatusCode.Created, ok.StatusCode);
        var body = await ok.Content.ReadFromJsonAsync<Dictionary<string, object>>();
        var id = body!["id"].ToString();
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync($"/api/v1/enterprises/me/products/{id}")).StatusCode);
        using var first = await TestClient.LoggedInAsync(app, AccountsSeeder.EnterpriseEmail);
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await first.GetAsync($"/api/v1/enterprises/me/products/{id}")).StatusCode
        );
    }

    [Fact]
    public async Task A_product_form_with_a_bad_ip_line_comes_back_with_the_message_and_the_typed_values()
    {
        using var c = await TestClient.LoggedInAsync(app, AccountsSeeder.EnterpriseEmail);
        var r = await c.PostFormAsync(
            "/Portal/Products/Edit",
            "/Portal/Products/Edit",
            new()
            {
                ["Input.Name"] = "Cáp quang thử nghiệm",
                ["Input.IntellectualProperty"] = "Nhãn hiệu | 4-0001 | 31/02/2020",
            }
        );
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var html = WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());
        Assert.Contains("Dòng 1", html);
        Assert.Contains("value=\"Cáp quang thử nghiệm\"", html);
    }

    [Fact]
    public async Task The_owner_invites_a_colleague_who_joins_the_same_enterprise()
    {
        var ids = await IdsAsync();
        const string email = "dongnghiep@vidu.vn";
        using var owner = await TestClient.LoggedInAsync(app, AccountsSeeder.EnterpriseEmail);
        var r = await owner.PostFormAsync("/Portal/Team", "/Portal/Team", new() { ["Email"] = email });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var body = await app.WithDbAsync(db =>
            db.Outbox.Where(m => m.To == email).Select(m => m.TextBody).SingleAsync()
        );
        var link = System.Text.RegularExpressions.Regex.Match(body, @"/Account/Register/Accept\?token=[^\s]+").Value;
        Assert.NotEmpty(link);
        Assert.DoesNotContain(
            await app.WithDbAsync(db => db.EnterpriseInvitations.Select(i => i.TokenHash).ToListAsync()),
            h => link.Contains(h, StringComparison.Ordinal)
        );

        using var colleague = TestClient.Anonymous(app);
        var accepted = await colleague.PostFormAsync(
            link,
            link,
            new()
            {
                ["Input.DisplayName"] = "Trần Thị Đồng Nghiệp",
                ["Input.Password"] = "DongNghiep@2026",
                ["Input.ConfirmPassword"] = "DongNghiep@2026",
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var user = await app.WithDbAsync(db => db.Users.SingleAsync(u => u.Email == email));
        Assert.Equal(ids.OwnEnterprise, user.EnterpriseId);
        Assert.False(user.IsEnterpriseOwner);
        Assert.Equal(
            HttpStatusCode.OK,
            (await colleague.GetAsync($"/Portal/Products/Edit?id={ids.OwnProduct}")).StatusCode
        );
        Assert.Equal(
            HttpStatusCode.NotFound,
            (await colleague.GetAsync($"/Portal/Products/Edit?id={ids.OtherProduct}")).StatusCode
        );

        // The link works once; a colleague who is not the owner cannot invite.
        Assert.Equal(HttpStatusCode.NotFound, (await TestClient.Anonymous(app).GetAsync(link)).StatusCode);
        var token = TestClient.AntiforgeryToken(await colleague.GetHtmlAsync("/Portal/Products/Edit"))!;
        await colleague.PostWithTokenAsync("/Portal/Team", token, new() { ["Email"] = "nguoikhac@vidu.vn" });
        Assert.False(
            await app.WithDbAsync(db => db.EnterpriseInvitations.AnyAsync(i => i.Email == "nguoikhac@vidu.vn"))
        );
    }
}
