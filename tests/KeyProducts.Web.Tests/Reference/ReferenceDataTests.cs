using System.Net;
using ClosedXML.Excel;
using KeyProducts.Web.Data.Seed;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Tests.Reference;

public sealed class ReferenceDataTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static byte[] Workbook(params (string Code, string Name)[] rows)
    {
        using var wb = new XLWorkbook();
        var ws = wb.Worksheets.Add("Danh mục");
        ws.Cell(1, 1).Value = "Mã";
        ws.Cell(1, 2).Value = "Tên sản phẩm";
        for (var i = 0; i < rows.Length; i++)
        {
            ws.Cell(i + 2, 1).Value = rows[i].Code;
            ws.Cell(i + 2, 2).Value = rows[i].Name;
        }
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }

    private static async Task<HttpResponseMessage> UploadAsync(
        TestClient c,
        byte[] bytes,
        string list = "38/2020/QĐ-TTg",
        string name = "danh-muc.xlsx"
    )
    {
        var token = TestClient.AntiforgeryToken(await c.GetHtmlAsync("/Admin/Reference/HighTech"))!;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(list), "ListDecision" },
            { new ByteArrayContent(bytes), "Upload", name },
        };
        return await c.Http.PostAsync(new Uri("/Admin/Reference/HighTech", UriKind.Relative), form);
    }

    [Fact]
    public async Task An_administrator_imports_the_high_tech_list_from_excel_adding_and_renaming_codes()
    {
        using var admin = await TestClient.LoggedInAsync(app, AccountsSeeder.AdminEmail);
        var r = await UploadAsync(
            admin,
            Workbook(("PL2-01", "Thiết bị tự động hóa (tên mới)"), ("PL2-99", "Robot công nghiệp"))
        );
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var items = await app.WithDbAsync(db =>
            db.HighTechProducts.Where(h => h.ListDecision == "38/2020/QĐ-TTg")
                .ToDictionaryAsync(h => h.Code, h => h.Name)
        );
        Assert.Equal("Thiết bị tự động hóa (tên mới)", items["PL2-01"]);
        Assert.Equal("Robot công nghiệp", items["PL2-99"]);
        Assert.True(items.ContainsKey("PL2-12")); // nothing is deleted
    }

    [Fact]
    public async Task A_file_that_is_not_a_workbook_or_has_bad_rows_is_refused_with_a_message()
    {
        using var admin = await TestClient.LoggedInAsync(app, AccountsSeeder.AdminEmail);
        var before = await app.WithDbAsync(db => db.HighTechProducts.CountAsync());
        var notExcel = await UploadAsync(admin, "khong phai excel"u8.ToArray());
        Assert.Equal(HttpStatusCode.OK, notExcel.StatusCode);
        Assert.Contains(
            "không phải bảng tính Excel",
            WebUtility.HtmlDecode(await notExcel.Content.ReadAsStringAsync())
        );
        var duplicate = await UploadAsync(admin, Workbook(("X-1", "Một"), ("X-1", "Hai")));
        Assert.Contains("xuất hiện nhiều lần", WebUtility.HtmlDecode(await duplicate.Content.ReadAsStringAsync()));
        Assert.Equal(before, await app.WithDbAsync(db => db.HighTechProducts.CountAsync()));
    }

    [Fact]
    public async Task Administrative_units_search_ignores_diacritics_and_officers_cannot_edit_reference_data()
    {
        using var admin = await TestClient.LoggedInAsync(app, AccountsSeeder.AdminEmail);
        var html = await admin.GetHtmlAsync("/Admin/Reference/Units?q=bat+trang");
        Assert.Contains("Xã Bát Tràng", html);
        Assert.Contains("00577", html);
        using var officer = await TestClient.LoggedInAsync(app, AccountsSeeder.OfficerEmail);
        Assert.Equal(HttpStatusCode.Redirect, (await officer.GetAsync("/Admin/Reference/Units")).StatusCode);
    }

    [Fact]
    public async Task An_agency_with_a_successor_needs_an_end_date()
    {
        using var admin = await TestClient.LoggedInAsync(app, AccountsSeeder.AdminEmail);
        var successor = await app.WithDbAsync(db =>
            db.Agencies.Where(a => a.Code == "STC").Select(a => a.Id).SingleAsync()
        );
        var r = await admin.PostFormAsync(
            "/Admin/Reference/Agencies",
            "/Admin/Reference/Agencies",
            new()
            {
                ["Input.Code"] = "SXD-CU",
                ["Input.Name"] = "Sở Giao thông vận tải",
                ["Input.ShortName"] = "SGTVT",
                ["Input.ValidFrom"] = "2008-08-01",
                ["Input.SuccessorId"] = successor.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }
        );
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Contains("cần có ngày hết hiệu lực", WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync()));
        var ok = await admin.PostFormAsync(
            "/Admin/Reference/Agencies",
            "/Admin/Reference/Agencies",
            new()
            {
                ["Input.Code"] = "SXD-CU",
                ["Input.Name"] = "Sở Giao thông vận tải",
                ["Input.ShortName"] = "SGTVT",
                ["Input.ValidFrom"] = "2008-08-01",
                ["Input.ValidTo"] = "2025-02-28",
                ["Input.SuccessorId"] = successor.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.Equal(
            successor,
            await app.WithDbAsync(db =>
                db.Agencies.Where(a => a.Code == "SXD-CU").Select(a => a.SuccessorId).SingleAsync()
            )
        );
    }
}
