using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using KeyProducts.Core.Program;
using KeyProducts.Web.Features.Program;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KeyProducts.Web.Tests.ProgramKpis;

/// <summary>Importing targets and figures: row-level errors, nothing saved on error, re-import updates,
/// audit.</summary>
public sealed class ProgramDataImportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Officer = "canbo@spcncl.demo.vn";

    private async Task<ImportProgramData.Outcome> ImportAsync(
        Func<ImportProgramData, Task<ImportProgramData.Outcome>> run
    )
    {
        using var scope = app.Services.CreateScope();
        return await run(scope.ServiceProvider.GetRequiredService<ImportProgramData>());
    }

    [Fact]
    public async Task Reimporting_the_shipped_file_changes_nothing()
    {
        var outcome = await ImportAsync(i => i.ImportShippedAsync(CancellationToken.None));
        Assert.True(outcome.Succeeded);
        Assert.Equal((0, 0), (outcome.Added, outcome.Updated));
    }

    [Fact]
    public async Task A_file_with_bad_rows_reports_each_row_and_saves_nothing()
    {
        var before = await app.WithDbAsync(db => db.Measurements.CountAsync());
        var json = """
            {"measurements": [
              {"indicator": "Revenue", "year": 2026, "value": 100, "basis": "Products", "source": "test"},
              {"indicator": "Nonsense", "year": 2026, "value": 1, "basis": "Products", "source": "x"},
              {"indicator": "Revenue", "year": 2026, "value": 1e15, "basis": "Enterprises", "source": "x"},
              {"indicator": "CityExport", "year": 2026, "value": 5, "basis": "Products", "source": "x"}
            ]}
            """;
        var outcome = await ImportAsync(i =>
            i.ImportJsonAsync(new MemoryStream(Encoding.UTF8.GetBytes(json)), default)
        );
        Assert.False(outcome.Succeeded);
        Assert.Equal([2, 3, 4], outcome.Errors.Select(e => e.Line).Order().ToArray());
        Assert.Contains(outcome.Errors, e => e.Message.Contains("quá lớn", StringComparison.Ordinal));
        Assert.Equal(before, await app.WithDbAsync(db => db.Measurements.CountAsync()));
    }

    [Fact]
    public async Task An_Excel_import_with_a_missing_column_or_a_formula_is_refused_with_the_row()
    {
        static MemoryStream Book(bool withFormula, bool dropSource)
        {
            using var wb = new XLWorkbook();
            var ws = wb.Worksheets.Add("measurements");
            string[] cols = dropSource
                ? ["indicator", "year", "value", "basis"]
                : ["indicator", "year", "value", "basis", "source"];
            for (var c = 0; c < cols.Length; c++)
                ws.Cell(1, c + 1).Value = cols[c];
            ws.Cell(2, 1).Value = "CityExport";
            ws.Cell(2, 2).Value = 2024;
            ws.Cell(2, 4).Value = "City";
            if (withFormula)
                ws.Cell(2, 3).FormulaA1 = "=1+1";
            else
                ws.Cell(2, 3).Value = 1000;
            if (!dropSource)
                ws.Cell(2, 5).Value = "Cục Thống kê";
            var ms = new MemoryStream();
            wb.SaveAs(ms);
            ms.Position = 0;
            return ms;
        }
        var missing = await ImportAsync(i => i.ImportExcelAsync(Book(false, true), default));
        Assert.Contains(missing.Errors, e => e.Message.Contains("source", StringComparison.Ordinal) && e.Line == 1);
        var formula = await ImportAsync(i => i.ImportExcelAsync(Book(true, false), default));
        Assert.Contains(formula.Errors, e => e.Line == 2 && e.Message.Contains("công thức", StringComparison.Ordinal));
        var garbage = await ImportAsync(i => i.ImportExcelAsync(new MemoryStream([1, 2, 3]), default));
        Assert.False(garbage.Succeeded);
        Assert.False(
            await app.WithDbAsync(db =>
                db.Measurements.AnyAsync(m => m.Indicator == KpiIndicator.CityExport && m.Year == 2024)
            )
        );
    }

    [Fact]
    public async Task An_officer_imports_a_city_denominator_through_the_page_and_the_share_appears()
    {
        using var c = await TestClient.LoggedInAsync(app, Officer);
        var page = await c.GetAsync("/Secretariat/Targets");
        var token = TestClient.AntiforgeryToken(await page.Content.ReadAsStringAsync())!;
        var json = JsonSerializer.Serialize(
            new
            {
                measurements = new object[]
                {
                    new
                    {
                        indicator = "CityExport",
                        year = 2021,
                        value = 15000,
                        basis = "City",
                        source = "Cục Thống kê Hà Nội, niên giám 2021",
                    },
                },
            }
        );
        using var form = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(json));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        form.Add(file, "Upload", "city.json");
        var r = await c.Http.PostAsync(new Uri("/Secretariat/Targets?handler=Import", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);

        using var scope = app.Services.CreateScope();
        var d = await scope.ServiceProvider.GetRequiredService<KpiQueries>().LoadAsync(new KpiFilter(), default);
        // 2021 export of the 30 enterprises ≈ 1,000 M USD (published) over a city total of 15,000 M USD.
        Assert.Equal(6.67m, d.Progress.Share(KpiIndicator.ExportShare, FigureBasis.Enterprises, 2021).Value);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "Measurement")));
    }

    [Fact]
    public async Task A_target_with_max_below_min_is_refused_beside_the_field()
    {
        using var c = await TestClient.LoggedInAsync(app, Officer);
        var phaseId = await app.WithDbAsync(db =>
            db.Phases.Where(p => p.StartYear == 2026).Select(p => p.Id).SingleAsync()
        );
        var r = await c.PostFormAsync(
            "/Secretariat/Targets/Target",
            "/Secretariat/Targets/Target",
            new()
            {
                ["Input.Code"] = "T-2030-SP",
                ["Input.PhaseId"] = phaseId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.Indicator"] = "RecognizedProducts",
                ["Input.Basis"] = "Products",
                ["Input.Min"] = "200",
                ["Input.Max"] = "150",
                ["Input.Source"] = "Dự thảo",
            }
        );
        Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Contains(
            "không được nhỏ hơn giá trị tối thiểu",
            WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync())
        );
        var ok = await c.PostFormAsync(
            "/Secretariat/Targets/Target",
            "/Secretariat/Targets/Target",
            new()
            {
                ["Input.Code"] = "T-2030-SP",
                ["Input.PhaseId"] = phaseId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Input.Indicator"] = "RecognizedProducts",
                ["Input.Basis"] = "Products",
                ["Input.Min"] = "150",
                ["Input.Max"] = "200",
                ["Input.Source"] = "Dự thảo",
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.True(await app.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.EntityType == "ProgramTarget")));
    }
}
