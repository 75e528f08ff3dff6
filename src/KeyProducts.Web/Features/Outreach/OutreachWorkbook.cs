using ClosedXML.Excel;
using KeyProducts.Core.Common;
using KeyProducts.Core.Program;

namespace KeyProducts.Web.Features.Outreach;

/// <summary>Reads the first sheet of an uploaded list: a header row with the expected column titles (matched ignoring
/// case and diacritics), then one record per row. Formulas and missing columns are reported, never evaluated or
/// guessed.</summary>
public static class OutreachWorkbook
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 5000;

    public sealed record Row(int Line, IReadOnlyDictionary<string, string> Cells)
    {
        public string this[string column] => Cells.TryGetValue(column, out var v) ? v : "";
    }

    public static (List<Row> Rows, List<RowError> Errors) Read(Stream xlsx, string[] required, string[] optional)
    {
        var rows = new List<Row>();
        var errors = new List<RowError>();
        XLWorkbook wb;
        try
        {
            wb = new XLWorkbook(xlsx);
        }
        catch (Exception e)
            when (e
                    is InvalidDataException
                        or ArgumentException
                        or FormatException
                        or InvalidOperationException
                        or FileFormatException
                        or DocumentFormat.OpenXml.Packaging.OpenXmlPackageException
                        or System.Xml.XmlException
                        or KeyNotFoundException
                        or NotSupportedException
            )
        {
            errors.Add(new RowError("", 0, new Phrase("Tệp không phải bảng tính Excel (.xlsx) hợp lệ.")));
            return (rows, errors);
        }
        using (wb)
        {
            var ws = wb.Worksheets.FirstOrDefault();
            if (ws is null)
            {
                errors.Add(new RowError("", 0, new Phrase("Bảng tính không có trang nào.")));
                return (rows, errors);
            }
            var columns = required.Concat(optional).ToDictionary(SearchText.Fold, c => c);
            var header = new Dictionary<int, string>();
            foreach (var cell in ws.Row(1).CellsUsed())
                if (columns.TryGetValue(SearchText.Fold(cell.GetString()), out var name))
                    header[cell.Address.ColumnNumber] = name;
            var missing = required.Where(c => !header.ContainsValue(c)).ToList();
            if (missing.Count > 0)
            {
                errors.Add(new RowError(ws.Name, 1, new Phrase("Thiếu cột: {0}.", string.Join(", ", missing))));
                return (rows, errors);
            }
            var last = ws.LastRowUsed()?.RowNumber() ?? 1;
            if (last > MaxRows + 1)
            {
                errors.Add(new RowError(ws.Name, 0, new Phrase("Bảng tính có quá nhiều dòng (tối đa {0}).", MaxRows)));
                return (rows, errors);
            }
            for (var r = 2; r <= last; r++)
            {
                var row = ws.Row(r);
                if (row.IsEmpty())
                    continue;
                var cells = new Dictionary<string, string>();
                var bad = false;
                foreach (var (col, name) in header)
                {
                    var cell = row.Cell(col);
                    if (cell.HasFormula)
                    {
                        errors.Add(
                            new RowError(ws.Name, r, new Phrase("Cột \"{0}\" chứa công thức; hãy nhập giá trị.", name))
                        );
                        bad = true;
                        continue;
                    }
                    cells[name] =
                        cell.DataType == XLDataType.Number
                            ? cell.GetDouble()
                                .ToString("0.################", System.Globalization.CultureInfo.InvariantCulture)
                            : cell.GetString().Trim();
                }
                if (!bad)
                    rows.Add(new Row(r, cells));
            }
        }
        return (rows, errors);
    }

    /// <summary>A list template: the header row, widths set by hand (AdjustToContents throws on Linux), one example
    /// row.</summary>
    public static byte[] Template(string sheet, string[] columns, string[] example)
    {
        using var wb = new XLWorkbook();
        var ws = wb.Worksheets.Add(sheet);
        for (var c = 0; c < columns.Length; c++)
        {
            ws.Cell(1, c + 1).Value = columns[c];
            ws.Cell(2, c + 1).SetValue(c < example.Length ? example[c] : "");
            ws.Column(c + 1).Width = 22;
        }
        ws.Row(1).Style.Font.Bold = true;
        ws.SheetView.FreezeRows(1);
        using var ms = new MemoryStream();
        wb.SaveAs(ms);
        return ms.ToArray();
    }
}
