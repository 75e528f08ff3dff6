using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Xml;

namespace KeyProducts.Web.Features.PublicDirectory;

/// <summary>The whole directory as open data: CSV (UTF-8 with BOM for Excel), JSON and XLSX, each written row by row
/// from one streaming query (<see cref="DirectoryQueries.AllAsync"/>) straight to a stream: memory does not grow with
/// the
/// number of products. The XLSX is written as its XML parts into a zip, not built as a workbook in memory.</summary>
public sealed class OpenDataExport(DirectoryQueries queries)
{
    public static readonly string[] Formats = ["csv", "json", "xlsx"];

    private static readonly string[] Header =
    [
        "id",
        "product",
        "model",
        "enterprise",
        "taxCode",
        "sector",
        "years",
        "top10Years",
        "status",
        "certificates",
    ];

    private async IAsyncEnumerable<string[]> RowsAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct
    )
    {
        await foreach (var i in queries.AllAsync(ct))
            yield return
            [
                i.Id.ToString(CultureInfo.InvariantCulture),
                i.Name,
                i.Model ?? "",
                i.EnterpriseName,
                i.TaxCode,
                i.Sector ?? "",
                string.Join(' ', i.Years),
                string.Join(' ', i.Top10Years),
                i.Status,
                string.Join(' ', i.Certificates),
            ];
    }

    public Task WriteAsync(string format, Stream output, CancellationToken ct) =>
        format switch
        {
            "csv" => WriteCsvAsync(output, ct),
            "json" => WriteJsonAsync(output, ct),
            "xlsx" => WriteXlsxAsync(output, ct),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown open-data format"),
        };

    public async Task WriteCsvAsync(Stream output, CancellationToken ct)
    {
        await using var w = new StreamWriter(
            output,
            new UTF8Encoding(encoderShouldEmitUTF8Identifier: true),
            1 << 16,
            leaveOpen: true
        )
        {
            NewLine = "\n",
        };
        await w.WriteLineAsync(string.Join(',', Header));
        await foreach (var row in RowsAsync(ct))
            await w.WriteLineAsync(string.Join(',', row.Select(Cell)));
    }

    public async Task WriteJsonAsync(Stream output, CancellationToken ct)
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        await using var w = new Utf8JsonWriter(
            output,
            new JsonWriterOptions { Indented = true, Encoder = options.Encoder }
        );
        w.WriteStartArray();
        await foreach (var i in queries.AllAsync(ct))
        {
            JsonSerializer.Serialize(w, Api.V1.DirectoryEndpoints.ProductDto.From(i), options);
            if (w.BytesPending > 1 << 16)
                await w.FlushAsync(ct);
        }
        w.WriteEndArray();
        await w.FlushAsync(ct);
    }

    public async Task WriteXlsxAsync(Stream output, CancellationToken ct)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        await PartAsync(
            zip,
            "[Content_Types].xml",
            """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types """
                + """xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" """
                + """ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default """
                + """Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" """
                + """ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"""
                + """<Override PartName="/xl/worksheets/sheet1.xml" """
                + """ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"""
                + """<Override PartName="/xl/styles.xml" """
                + """ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"""
        );
        await PartAsync(
            zip,
            "_rels/.rels",
            """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships """
                + """xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" """
                + """Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" """
                + """Target="xl/workbook.xml"/></Relationships>"""
        );
        await PartAsync(
            zip,
            "xl/workbook.xml",
            """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook """
                + """xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" """
                + """xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet """
                + """name="Sản phẩm" sheetId="1" r:id="rId1"/></sheets></workbook>"""
        );
        await PartAsync(
            zip,
            "xl/_rels/workbook.xml.rels",
            """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships """
                + """xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" """
                + """Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" """
                + """Target="worksheets/sheet1.xml"/><Relationship Id="rId2" """
                + """Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" """
                + """Target="styles.xml"/></Relationships>"""
        );
        // Style 1: bold, for the header row.
        await PartAsync(
            zip,
            "xl/styles.xml",
            """<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet """
                + """xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz """
                + """val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font>"""
                + """</fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill """
                + """patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/>"""
                + """<diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" """
                + """borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" """
                + """borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" """
                + """applyFont="1"/></cellXfs></styleSheet>"""
        );

        var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.Fastest);
        await using var part = entry.Open();
        await using var x = XmlWriter.Create(
            part,
            new XmlWriterSettings { Async = true, Encoding = new UTF8Encoding(false) }
        );
        const string ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        await x.WriteStartDocumentAsync(true);
        await x.WriteStartElementAsync(null, "worksheet", ns);
        // The header row stays in view (frozen pane).
        await x.WriteRawAsync(
            """<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" """
                + """activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"""
        );
        // Fixed widths: nothing measures text (ClosedXML's AdjustToContents needs System.Drawing and the whole sheet).
        await x.WriteStartElementAsync(null, "cols", ns);
        double[] widths = [8, 50, 16, 45, 14, 24, 16, 12, 12, 30];
        for (var c = 0; c < widths.Length; c++)
            await x.WriteRawAsync(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"""<col min="{c + 1}" max="{c + 1}" width="{widths[c]}" customWidth="1"/>"""
                )
            );
        await x.WriteEndElementAsync();
        await x.WriteStartElementAsync(null, "sheetData", ns);
        string[] titles =
        [
            "Mã",
            "Sản phẩm",
            "Model",
            "Doanh nghiệp",
            "Mã số thuế",
            "Ngành",
            "Năm công nhận",
            "Top 10",
            "Tình trạng",
            "Số hiệu giấy chứng nhận",
        ];
        await RowAsync(x, 1, titles, numericFirst: false, style: 1);
        var r = 2;
        await foreach (var row in RowsAsync(ct))
            await RowAsync(x, r++, row, numericFirst: true, style: 0);
        await x.WriteEndElementAsync();
        await x.WriteEndElementAsync();
        await x.WriteEndDocumentAsync();
    }

    private static async Task PartAsync(ZipArchive zip, string name, string xml)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Fastest);
        await using var s = entry.Open();
        await s.WriteAsync(Encoding.UTF8.GetBytes(xml));
    }

    /// <summary>Text cells are inline strings, so nothing a user typed is evaluated as a formula and no shared-string
    /// table
    /// has to be held in memory.</summary>
    private static async Task RowAsync(XmlWriter x, int r, string[] cells, bool numericFirst, int style)
    {
        await x.WriteStartElementAsync(null, "row", null);
        await x.WriteAttributeStringAsync(null, "r", null, r.ToString(CultureInfo.InvariantCulture));
        for (var c = 0; c < cells.Length; c++)
        {
            await x.WriteStartElementAsync(null, "c", null);
            await x.WriteAttributeStringAsync(
                null,
                "r",
                null,
                (char)('A' + c) + r.ToString(CultureInfo.InvariantCulture)
            );
            if (style != 0)
                await x.WriteAttributeStringAsync(null, "s", null, style.ToString(CultureInfo.InvariantCulture));
            if (c == 0 && numericFirst)
            {
                await x.WriteElementStringAsync(null, "v", null, cells[c]);
            }
            else
            {
                await x.WriteAttributeStringAsync(null, "t", null, "inlineStr");
                await x.WriteStartElementAsync(null, "is", null);
                await x.WriteStartElementAsync(null, "t", null);
                await x.WriteAttributeStringAsync("xml", "space", null, "preserve");
                await x.WriteStringAsync(XmlSafe(cells[c]));
                await x.WriteEndElementAsync();
                await x.WriteEndElementAsync();
            }
            await x.WriteEndElementAsync();
        }
        await x.WriteEndElementAsync();
    }

    /// <summary>Drops characters XML cannot carry (control characters a user may have pasted).</summary>
    private static string XmlSafe(string v)
    {
        foreach (var ch in v)
            if (!XmlConvert.IsXmlChar(ch) && !char.IsSurrogate(ch))
                return new string(v.Where(c => XmlConvert.IsXmlChar(c) || char.IsSurrogate(c)).ToArray());
        return v;
    }

    /// <summary>Quotes a CSV cell and defuses formula injection (=, +, -, @ at the start).</summary>
    private static string Cell(string v)
    {
        if (v.Length > 0 && v[0] is '=' or '+' or '-' or '@')
            v = "'" + v;
        return v.IndexOfAny([',', '"', '\n', '\r']) >= 0
            ? "\"" + v.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""
            : v;
    }
}

/// <summary>The open-data files, built once per state of the directory into Storage:Root/open-data and served from
/// there:
/// whatever a visitor adds to the URL, at most one build runs at a time and only after the directory changed (decision
/// 0012).</summary>
public sealed class OpenDataFiles(
    IServiceScopeFactory scopes,
    Microsoft.Extensions.Options.IOptions<Infrastructure.Storage.StorageOptions> storage,
    IWebHostEnvironment env,
    DirectoryGeneration directory,
    ILogger<OpenDataFiles> log
) : IDisposable
{
    // Another process (or an earlier run of this one) may have left files of its own generations in the same folder.
    private static readonly string Instance = Guid.NewGuid().ToString("N")[..8];
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Counts how many times a file was built (tests check that a random query key does not cause a
    /// build).</summary>
    public int Builds { get; private set; }

    public async Task<string> PathAsync(string format, CancellationToken ct)
    {
        if (!OpenDataExport.Formats.Contains(format))
            throw new ArgumentOutOfRangeException(nameof(format), format, "unknown open-data format");
        var dir = Path.Combine(Path.GetFullPath(storage.Value.Root, env.ContentRootPath), "open-data");
        // Read before the build: a change during the build bumps the generation, and the next request builds again.
        var generation = directory.Value;
        var file = Path.Combine(
            dir,
            string.Create(CultureInfo.InvariantCulture, $"products-{Instance}-{generation}.{format}")
        );
        if (File.Exists(file))
            return file;
        await _gate.WaitAsync(ct);
        try
        {
            if (File.Exists(file))
                return file;
            Directory.CreateDirectory(dir);
            var tmp = file + ".tmp";
            try
            {
                await using (
                    var s = new FileStream(
                        tmp,
                        FileMode.Create,
                        FileAccess.Write,
                        FileShare.None,
                        1 << 16,
                        useAsync: true
                    )
                )
                {
                    using var scope = scopes.CreateScope();
                    // Not the visitor's token: a build that a closed tab abandoned would be started again by the next
                    // visitor.
                    await scope
                        .ServiceProvider.GetRequiredService<OpenDataExport>()
                        .WriteAsync(format, s, CancellationToken.None);
                }
                File.Move(tmp, file, overwrite: true);
                Builds++;
            }
            finally
            {
                if (File.Exists(tmp))
                    File.Delete(tmp);
            }
            // Other nodes share the folder (Storage:Root on a shared volume) and may be serving their own current file:
            // only this
            // node's older files go at once, another node's (or a dead process's) after a day.
            var staleBefore = DateTime.UtcNow.AddDays(-1);
            foreach (
                var old in Directory
                    .EnumerateFiles(dir, "products-*." + format)
                    .Where(f =>
                        f != file
                        && (
                            Path.GetFileName(f).StartsWith($"products-{Instance}-", StringComparison.Ordinal)
                            || File.GetLastWriteTimeUtc(f) < staleBefore
                        )
                    )
            )
            {
                try
                {
                    File.Delete(old);
                }
                catch (IOException e)
                {
                    log.LogWarning(e, "Could not delete the old open-data file {File}", old);
                }
            }
            return file;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();
}
