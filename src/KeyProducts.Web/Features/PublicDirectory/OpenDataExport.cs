using System.Text;
using System.Text.Json;
using ClosedXML.Excel;

namespace KeyProducts.Web.Features.PublicDirectory;

/// <summary>The whole directory as open data: CSV (UTF-8 with BOM for Excel), JSON and XLSX.</summary>
public sealed class OpenDataExport(DirectoryQueries queries)
{
    private static readonly string[] Header = ["id", "product", "model", "enterprise", "taxCode", "sector", "years", "top10Years", "status", "certificates"];

    private async Task<List<string[]>> RowsAsync(CancellationToken ct)
    {
        var rows = new List<string[]>();
        await foreach (var i in queries.AllAsync(ct))
            rows.Add([i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), i.Name, i.Model ?? "", i.EnterpriseName, i.TaxCode, i.Sector ?? "",
                string.Join(' ', i.Years), string.Join(' ', i.Top10Years), i.Status, string.Join(' ', i.Certificates)]);
        return rows;
    }

    public async Task<byte[]> CsvAsync(CancellationToken ct)
    {
        var sb = new StringBuilder();
        sb.AppendLine(string.Join(',', Header));
        foreach (var row in await RowsAsync(ct)) sb.AppendLine(string.Join(',', row.Select(Cell)));
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(sb.ToString())];
    }

    public async Task<byte[]> JsonAsync(CancellationToken ct)
    {
        var items = new List<Api.V1.DirectoryEndpoints.ProductDto>();
        await foreach (var i in queries.AllAsync(ct)) items.Add(Api.V1.DirectoryEndpoints.ProductDto.From(i));
        return JsonSerializer.SerializeToUtf8Bytes(items, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    public async Task<byte[]> XlsxAsync(CancellationToken ct)
    {
        using var wb = new XLWorkbook();
        var ws = wb.AddWorksheet("Sản phẩm");
        string[] titles = ["Mã", "Sản phẩm", "Model", "Doanh nghiệp", "Mã số thuế", "Ngành", "Năm công nhận", "Top 10", "Tình trạng", "Số hiệu giấy chứng nhận"];
        for (var c = 0; c < titles.Length; c++) ws.Cell(1, c + 1).Value = titles[c];
        ws.Row(1).Style.Font.Bold = true;
        var r = 2;
        foreach (var row in await RowsAsync(ct))
        {
            ws.Cell(r, 1).Value = int.Parse(row[0], System.Globalization.CultureInfo.InvariantCulture);
            // Text cells are set as strings so nothing a user typed is evaluated as a formula.
            for (var c = 1; c < row.Length; c++) ws.Cell(r, c + 1).SetValue(row[c]);
            r++;
        }
        double[] widths = [8, 50, 16, 45, 14, 24, 16, 12, 12, 30];
        for (var c = 0; c < widths.Length; c++) ws.Column(c + 1).Width = widths[c]; // never AdjustToContents: it needs System.Drawing on Linux
        ws.SheetView.FreezeRows(1);
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }

    /// <summary>Quotes a CSV cell and defuses formula injection (=, +, -, @ at the start).</summary>
    private static string Cell(string v)
    {
        if (v.Length > 0 && v[0] is '=' or '+' or '-' or '@') v = "'" + v;
        return v.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : v;
    }
}
