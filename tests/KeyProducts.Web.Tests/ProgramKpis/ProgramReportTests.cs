using System.Net;
using ClosedXML.Excel;
using DocumentFormat.OpenXml.Packaging;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Tests.ProgramKpis;

/// <summary>The phase evaluation and annual results reports download as Word documents with an Excel annex.</summary>
public sealed class ProgramReportTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static string Text(byte[] docx)
    {
        using var ms = new MemoryStream(docx);
        using var doc = WordprocessingDocument.Open(ms, false);
        return doc.MainDocumentPart!.Document.Body!.InnerText;
    }

    private static void Keep(string name, byte[] bytes)
    {
        var dir = Environment.GetEnvironmentVariable("TEST_ARTIFACTS") is { Length: > 0 } d
            ? d
            : Path.Combine(Path.GetTempPath(), "kp-artifacts");
        Directory.CreateDirectory(dir);
        File.WriteAllBytes(Path.Combine(dir, name), bytes);
    }

    [Fact]
    public async Task The_phase_evaluation_report_shows_each_target_with_the_percentage_achieved()
    {
        using var c = await TestClient.LoggedInAsync(app, "lanhdao@spcncl.demo.vn");
        var phase = await app.WithDbAsync(db =>
            db.Phases.Where(p => p.StartYear == 2018).Select(p => p.Id).SingleAsync()
        );
        var r = await c.GetAsync($"/Leaders/Reports?handler=Phase&phase={phase}");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var bytes = await r.Content.ReadAsByteArrayAsync();
        Keep("bao-cao-tong-ket-2018-2020.docx", bytes);
        var text = Text(bytes);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
        Assert.Contains("/BC-SCT", text);
        Assert.Contains("146,25 %", text);
        Assert.Contains("TỒN TẠI, HẠN CHẾ", text);

        var annex = await c.GetAsync($"/Leaders/Reports?handler=Annex&phase={phase}");
        using var wb = new XLWorkbook(await annex.Content.ReadAsStreamAsync());
        Assert.Contains(wb.Worksheets, w => w.Name == "ChiTieu");
    }

    [Fact]
    public async Task The_annual_results_report_of_2021_lists_its_figures()
    {
        using var c = await TestClient.LoggedInAsync(app, "canbo@spcncl.demo.vn");
        var r = await c.GetAsync("/Leaders/Reports?handler=Year&year=2021");
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var bytes = await r.Content.ReadAsByteArrayAsync();
        Keep("bao-cao-nam-2021.docx", bytes);
        var text = Text(bytes);
        Assert.Contains("năm 2021", text);
        Assert.Contains("46 sản phẩm", text);
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync("/Leaders/Reports?handler=Year&year=2099")).StatusCode);
    }
}
