using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using KeyProducts.Core.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

// Adds N invented recognized products (with enterprises, recognitions and certificates) to a migrated, demo-seeded
// KeyProducts database, SQLite or PostgreSQL, in a few set-based INSERT … SELECT statements (no row-by-row round
// trips).
// Rows copy every other column from a demo row, so NOT NULL columns are filled the way the app fills them; search texts
// are
// folded by KeyProducts.Core's SearchText, so the app finds exactly what it would have written itself. The FTS5 index
// of
// SQLite is kept in step by its triggers. Also writes a file of search queries drawn from the new names (for
// bench/search.sh).
// Options for the leaders' dashboard (issue 10/16): --years=N spreads the recognitions over the N years before the
// current
// one (else they take the demo's years in turn); --report-figures=N adds N/8 accepted or submitted annual reports (8
// figures
// each) of the new enterprises over those years.
// Options for the officers' lists (issue 16): --dossiers=N adds N dossiers of the new products to the round the
// screening queue and the council's board open on (half of them in scoring, on the board, each with a score sheet of
// the council's first member); --audit=N adds N audit entries (outside the hash chain: Hash and PreviousHash null).
// Usage: KeyProducts.Bench.Seed sqlite|postgres CONNECTION_STRING COUNT [QUERIES_FILE] [--years=N] [--report-figures=N]
// [--dossiers=N] [--audit=N]
var options = args.Where(a => a.StartsWith("--", StringComparison.Ordinal))
    .Select(a => a[2..].Split('=', 2))
    .ToDictionary(a => a[0], a => a.Length > 1 ? a[1] : "");
args = args.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
if (args.Length < 3)
{
    Console.Error.WriteLine(
        "usage: KeyProducts.Bench.Seed sqlite|postgres CONNECTION_STRING COUNT [QUERIES_FILE] [--years=N] "
            + "[--report-figures=N] [--dossiers=N] [--audit=N]"
    );
    return 2;
}
var postgres = args[0] == "postgres";
var count = int.Parse(args[2], CultureInfo.InvariantCulture);
var spreadYears = options.TryGetValue("years", out var y) ? int.Parse(y, CultureInfo.InvariantCulture) : 0;
var reportFigures = options.TryGetValue("report-figures", out var f) ? long.Parse(f, CultureInfo.InvariantCulture) : 0;
var dossierCount = options.TryGetValue("dossiers", out var dn) ? int.Parse(dn, CultureInfo.InvariantCulture) : 0;
var auditCount = options.TryGetValue("audit", out var an) ? int.Parse(an, CultureInfo.InvariantCulture) : 0;
var lastYear = DateTime.UtcNow.Year - 1;
var firstYear = lastYear - Math.Max(spreadYears, 1) + 1;
var enterprises = Math.Max(1, count / 5);
var sw = Stopwatch.StartNew();

await using DbConnection conn = postgres ? new NpgsqlConnection(args[1]) : new SqliteConnection(args[1]);
await conn.OpenAsync();

string[] kinds =
[
    "Cáp điện",
    "Máy biến áp",
    "Bơm ly tâm",
    "Khuôn mẫu",
    "Vải lụa",
    "Gạch ốp lát",
    "Sơn chống thấm",
    "Bảng mạch",
    "Phần mềm quản lý",
    "Ống nhựa",
    "Gốm sứ",
    "Nước mắm",
    "Trà thảo dược",
    "Áo jacket",
    "Khóa điện tử",
    "Quạt công nghiệp",
];
string[] qualities =
[
    "cao cấp",
    "hiệu suất cao",
    "chống cháy",
    "thông minh",
    "tiết kiệm năng lượng",
    "xuất khẩu",
    "thế hệ mới",
    "truyền thống",
];
string[] places =
[
    "Sông Hồng",
    "Thăng Long",
    "Hồ Tây",
    "Đông Anh",
    "Gia Lâm",
    "Sóc Sơn",
    "Bát Tràng",
    "Vạn Phúc",
    "Hòa Lạc",
    "Thường Tín",
];

string Q(string s) => "'" + s.Replace("'", "''", StringComparison.Ordinal) + "'";
string Words(string name, IEnumerable<string> items) =>
    $"{name}(k, d, f) AS (VALUES "
    + $"{string.Join(", ", items.Select((w, i) => $"({i}, {Q(w)}, {Q(SearchText.Fold(w))})"))})";
var words = string.Join(",\n", Words("kinds", kinds), Words("quals", qualities), Words("places", places));
const string text = "CAST(g.i AS TEXT)";
string Pad(string expr) => postgres ? $"lpad(CAST({expr} AS TEXT), 9, '0')" : $"substr('000000000' || ({expr}), -9, 9)";

// A spread of the number g.i over 0..m-1 that does not repeat with a short period.
string Spread(int m, int salt) => $"(((g.i * 2654435761 + {salt}) / 65536) % {m})";
const string numbers = "RECURSIVE g(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM g WHERE i < @n)";

async Task<long> ScalarAsync(string sql, params (string Name, object Value)[] ps)
{
    await using var cmd = conn.CreateCommand();
    cmd.CommandText = sql;
    cmd.CommandTimeout = 0;
    foreach (var (name, value) in ps)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
    return Convert.ToInt64(await cmd.ExecuteScalarAsync() ?? 0L, CultureInfo.InvariantCulture);
}

async Task<int> ExecAsync(string sql, params (string Name, object Value)[] ps)
{
    await using var cmd = conn.CreateCommand();
    cmd.CommandText = sql;
    cmd.CommandTimeout = 0;
    foreach (var (name, value) in ps)
    {
        var p = cmd.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        cmd.Parameters.Add(p);
    }
    return await cmd.ExecuteNonQueryAsync();
}

async Task<List<string>> ColumnsAsync(string table)
{
    await using var cmd = conn.CreateCommand();
    cmd.CommandText = $"SELECT * FROM \"{table}\" WHERE 1 = 0";
    await using var r = await cmd.ExecuteReaderAsync();
    // Columns the database generates (Enterprises.NotPending, Dossiers.Uncoded) cannot be written.
    return Enumerable
        .Range(0, r.FieldCount)
        .Select(r.GetName)
        .Where(c => c is not ("NotPending" or "Uncoded"))
        .ToList();
}

/// <summary>INSERT INTO table (every column but Id) SELECT override-or-template-column FROM source.</summary>
async Task<int> CopyAsync(
    string table,
    string with,
    string from,
    Dictionary<string, string> overrides,
    params (string, object)[] ps
)
{
    var cols = (await ColumnsAsync(table)).Where(c => c != "Id").ToList();
    var select = string.Join(", ", cols.Select(c => overrides.TryGetValue(c, out var e) ? e : $"t.\"{c}\""));
    var sql =
        $"{(with.Length > 0 ? "WITH " + with : "")}\nINSERT INTO \"{table}\" "
        + $"({string.Join(", ", cols.Select(c => $"\"{c}\""))})\nSELECT {select}\nFROM {from}";
    return await ExecAsync(sql, ps);
}

await using var tx = await conn.BeginTransactionAsync();
var entTemplate = await ScalarAsync("SELECT MIN(\"Id\") FROM \"Enterprises\"");
var prodTemplate = await ScalarAsync(
    "SELECT MIN(p.\"Id\") FROM \"Products\" p WHERE EXISTS (SELECT 1 FROM \"Recognitions\" r WHERE r.\"ProductId\" = "
        + "p.\"Id\")"
);
var certTemplate = await ScalarAsync("SELECT MIN(\"Id\") FROM \"Certificates\" WHERE \"SupersededById\" IS NULL");
var entBefore = await ScalarAsync("SELECT COALESCE(MAX(\"Id\"), 0) FROM \"Enterprises\"");
var prodBefore = await ScalarAsync("SELECT COALESCE(MAX(\"Id\"), 0) FROM \"Products\"");
var recBefore = await ScalarAsync("SELECT COALESCE(MAX(\"Id\"), 0) FROM \"Recognitions\"");

// Tax codes 8xxxxxxxxx are not issued to the demo enterprises; a second run continues the numbers.
var firstNumber = entBefore + 1;

// Enterprises: "Công ty Cổ phần <kind> <place> <n>", search text as Enterprise.RefreshSearchText folds it.
var tax = $"('8' || {Pad($"g.i + {firstNumber}")})";
await CopyAsync(
    "Enterprises",
    $"{numbers},\n{words}",
    $"g JOIN kinds ON kinds.k = {Spread(16, 1)} JOIN places ON places.k = {Spread(10, 7)} CROSS JOIN (SELECT * FROM "
        + $"\"Enterprises\" WHERE \"Id\" = {entTemplate}) t",
    new()
    {
        ["TaxCode"] = tax,
        ["NameVi"] = $"('Công ty Cổ phần ' || kinds.d || ' ' || places.d || ' ' || {text})",
        ["NameEn"] = "NULL",
        ["SearchText"] = $"('cong ty co phan ' || kinds.f || ' ' || places.f || ' ' || {text} || ' ' || {tax})",
    },
    ("@n", enterprises)
);
var entFirst = await ScalarAsync($"SELECT MIN(\"Id\") FROM \"Enterprises\" WHERE \"Id\" > {entBefore}");
var entLast = await ScalarAsync($"SELECT MAX(\"Id\") FROM \"Enterprises\" WHERE \"Id\" > {entBefore}");
if (entLast - entFirst + 1 != enterprises)
    throw new InvalidOperationException("enterprise ids are not consecutive");

// Products: "<kind> <quality> <place> <n>", model M-<n>; the directory text is the product's and its enterprise's.
var nl = postgres ? "chr(10)" : "char(10)";
var productText = $"(kinds.f || ' ' || quals.f || ' ' || places.f || ' ' || {text} || ' m-' || {text})";
await CopyAsync(
    "Products",
    $"{numbers},\n{words}",
    $"g JOIN kinds ON kinds.k = {Spread(16, 3)} JOIN quals ON quals.k = {Spread(8, 11)} JOIN places ON places.k = "
        + $"{Spread(10, 5)}"
        + $" JOIN \"Enterprises\" e ON e.\"Id\" = {entFirst} + (g.i % {enterprises}) CROSS JOIN (SELECT * FROM "
        + $"\"Products\" WHERE \"Id\" = {prodTemplate}) t",
    new()
    {
        ["EnterpriseId"] = "e.\"Id\"",
        ["Name"] = $"(kinds.d || ' ' || quals.d || ' ' || places.d || ' ' || {text})",
        ["Model"] = $"('M-' || {text})",
        ["SearchText"] = productText,
        ["DirectorySearchText"] = $"({productText} || {nl} || e.\"SearchText\")",
    },
    ("@n", count)
);

// Recognitions: one per product, the years of the demo's recognitions in turn, one in ten Top 10.
var top10 = postgres ? "(p.\"Id\" % 10 = 0)" : "(CASE WHEN p.\"Id\" % 10 = 0 THEN 1 ELSE 0 END)";
var templates =
    "tmpl AS (SELECT ROW_NUMBER() OVER (ORDER BY y.\"Year\") - 1 AS k, y.\"Id\" FROM (SELECT \"Year\", MIN(\"Id\") "
    + "AS \"Id\" FROM \"Recognitions\" GROUP BY \"Year\") y)";
var years = await ScalarAsync("SELECT COUNT(DISTINCT \"Year\") FROM \"Recognitions\"");
var recognitionColumns = new Dictionary<string, string>
{
    ["ProductId"] = "p.\"Id\"",
    ["EnterpriseId"] = "p.\"EnterpriseId\"",
    ["DossierId"] = "NULL",
    ["Top10"] = top10,
    ["RevokedAt"] = "NULL",
    ["RevocationReason"] = "NULL",
    ["RevocationDocument"] = "NULL",
};
if (spreadYears > 0)
{
    // Year firstYear + (id % N), valid three years from the 1st of December of that year.
    var year = $"({firstYear} + p.\"Id\" % {spreadYears})";
    recognitionColumns["Year"] = year;
    recognitionColumns["ValidFrom"] = postgres ? $"make_date({year}, 12, 1)" : $"(CAST({year} AS TEXT) || '-12-01')";
    recognitionColumns["ValidTo"] = postgres
        ? $"make_date({year} + 3, 11, 30)"
        : $"(CAST({year} + 3 AS TEXT) || '-11-30')";
}
await CopyAsync(
    "Recognitions",
    templates,
    $"\"Products\" p JOIN tmpl ON tmpl.k = p.\"Id\" % {years} JOIN \"Recognitions\" t ON t.\"Id\" = tmpl.\"Id\" "
        + $"WHERE p.\"Id\" > {prodBefore}",
    recognitionColumns
);

// Certificates: one current certificate per recognition.
await CopyAsync(
    "Certificates",
    "",
    $"\"Recognitions\" r CROSS JOIN (SELECT * FROM \"Certificates\" WHERE \"Id\" = {certTemplate}) t WHERE r.\"Id\" "
        + $"> {recBefore}",
    new()
    {
        ["RecognitionId"] = "r.\"Id\"",
        ["Serial"] = $"('BENCH-' || CAST(r.\"Year\" AS TEXT) || '-' || CAST(r.\"Id\" AS TEXT))",
        ["SupersededById"] = "NULL",
        ["SupersededAt"] = "NULL",
    }
);

// Annual reports: 8 figures each, enterprise by enterprise, every year of the spread (so (EnterpriseId, Year) is
// unique);
// nine in ten accepted (they feed the dashboard), the others submitted.
var reports = reportFigures / 8;
if (reports > 0)
{
    var span = Math.Max(spreadYears, 1);
    if (reports > (long)enterprises * span)
        throw new InvalidOperationException(
            $"at most {enterprises * span} reports for {enterprises} enterprises over {span} years"
        );
    var now = new DateTimeOffset(DateTime.UtcNow.Date, TimeSpan.Zero);
    object stamp = postgres
        ? now
        : new Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter().ConvertToProvider(
            now
        )!;
    var accepted = "(g.i % 10 <> 0)";
    var columns = new Dictionary<string, string>
    {
        ["EnterpriseId"] = $"({entFirst} + ((g.i - 1) / {span}))",
        ["Year"] = $"({firstYear} + (g.i - 1) % {span})",
        ["State"] = $"(CASE WHEN {accepted} THEN 'Accepted' ELSE 'Submitted' END)",
        ["ProductRevenueVnd"] = "(CAST(1000000000 AS BIGINT) * (1 + g.i % 700))",
        ["ProductProductionValueVnd"] = "(CAST(900000000 AS BIGINT) * (1 + g.i % 650))",
        ["ProductExportUsdCents"] = "(CAST(100000000 AS BIGINT) * (g.i % 90))",
        ["EnterpriseRevenueVnd"] = "(CAST(3000000000 AS BIGINT) * (1 + g.i % 900))",
        ["EnterpriseProductionValueVnd"] = "(CAST(2500000000 AS BIGINT) * (1 + g.i % 800))",
        ["EnterpriseExportUsdCents"] = "(CAST(300000000 AS BIGINT) * (g.i % 120))",
        ["Employees"] = "(20 + g.i % 3000)",
        ["RdSpendingVnd"] = "(CAST(50000000 AS BIGINT) * (g.i % 200))",
        ["Notes"] = "NULL",
        ["CreatedAt"] = "@t",
        ["SubmittedAt"] = "@t",
        ["ReviewedAt"] = $"(CASE WHEN {accepted} THEN @t END)",
        ["ReviewerId"] = "NULL",
        ["CorrectionNote"] = "NULL",
        ["EnteredByOfficer"] = postgres ? "FALSE" : "0",
        ["Version"] = "1",
    };
    var cols = (await ColumnsAsync("AnnualReports")).Where(c => c != "Id").ToList();
    var missing = cols.Where(c => !columns.ContainsKey(c)).ToList();
    if (missing.Count > 0)
        throw new InvalidOperationException(
            "AnnualReports columns the seeder does not fill: " + string.Join(", ", missing)
        );
    await ExecAsync(
        $"WITH {numbers}\nINSERT INTO \"AnnualReports\" ({string.Join(", ", cols.Select(c => $"\"{c}\""))})\n"
            + $"SELECT {string.Join(", ", cols.Select(c => columns[c]))} FROM g",
        ("@n", reports),
        ("@t", stamp)
    );
}

// Dossiers: one per new product (up to N), in the round the screening queue opens on (the newest published one, else
// the newest); copies of a demo dossier, coded BENCH-<product id>. Every other one in scoring (on the council's board,
// with a score sheet of the council's first member), the others in screening or just submitted.
var dossiersAdded = 0;
var sheetsAdded = 0;
if (dossierCount > 0)
{
    var round = await ScalarAsync(
        "SELECT COALESCE((SELECT \"Id\" FROM \"Rounds\" WHERE \"Status\" = 'Published' ORDER BY \"Year\" DESC LIMIT "
            + "1), "
            + "(SELECT \"Id\" FROM \"Rounds\" ORDER BY \"Year\" DESC LIMIT 1))"
    );
    var dossierTemplate = await ScalarAsync("SELECT MIN(\"Id\") FROM \"Dossiers\"");
    var dossierBefore = await ScalarAsync("SELECT COALESCE(MAX(\"Id\"), 0) FROM \"Dossiers\"");
    var code = "('BENCH-' || CAST(p.\"Id\" AS TEXT))";
    dossiersAdded = await CopyAsync(
        "Dossiers",
        "",
        $"(SELECT * FROM \"Products\" WHERE \"Id\" > {prodBefore} ORDER BY \"Id\" LIMIT {dossierCount}) p "
            + $"CROSS JOIN (SELECT * FROM \"Dossiers\" WHERE \"Id\" = {dossierTemplate}) t",
        new()
        {
            ["Code"] = code,
            ["RoundId"] = round.ToString(CultureInfo.InvariantCulture),
            ["EnterpriseId"] = "p.\"EnterpriseId\"",
            ["ProductId"] = "p.\"Id\"",
            ["State"] =
                "(CASE p.\"Id\" % 4 WHEN 0 THEN 'Scoring' WHEN 1 THEN 'Scoring' WHEN 2 THEN 'Screening' "
                + "ELSE 'Submitted' END)",
            ["DecisionReason"] = "NULL",
            ["SearchText"] = $"lower({code})",
        }
    );
    var member = await ScalarAsync(
        "SELECT COALESCE(MIN(m.\"Id\"), 0) FROM \"CouncilMembers\" m JOIN \"Councils\" c ON c.\"Id\" = m.\"CouncilId\" "
            + $"WHERE c.\"RoundId\" = {round}"
    );
    var sheetTemplate = await ScalarAsync("SELECT COALESCE(MIN(\"Id\"), 0) FROM \"ScoreSheets\"");
    if (member > 0 && sheetTemplate > 0)
        sheetsAdded = await CopyAsync(
            "ScoreSheets",
            "",
            $"\"Dossiers\" d CROSS JOIN (SELECT * FROM \"ScoreSheets\" WHERE \"Id\" = {sheetTemplate}) t "
                + $"WHERE d.\"Id\" > {dossierBefore} AND d.\"State\" = 'Scoring'",
            new()
            {
                ["DossierId"] = "d.\"Id\"",
                ["MemberId"] = member.ToString(CultureInfo.InvariantCulture),
                ["Pass"] = "1",
                ["ReopenReason"] = "NULL",
            }
        );
    Console.WriteLine($"dossiers in round {round}, score sheets of member {member}");
}

// Audit entries: copies of the newest demo entry about a few kinds of record, outside the hash chain.
if (auditCount > 0)
{
    var auditTemplate = await ScalarAsync("SELECT MAX(\"Id\") FROM \"AuditEntries\"");
    await CopyAsync(
        "AuditEntries",
        numbers,
        $"g CROSS JOIN (SELECT * FROM \"AuditEntries\" WHERE \"Id\" = {auditTemplate}) t",
        new()
        {
            ["EntityType"] =
                "(CASE g.i % 4 WHEN 0 THEN 'Enterprise' WHEN 1 THEN 'Product' WHEN 2 THEN 'Dossier' "
                + "ELSE 'ScoreSheet' END)",
            ["EntityId"] = text,
            ["Action"] = "(CASE WHEN g.i % 10 = 0 THEN 'Added' ELSE 'Modified' END)",
            ["Changes"] = "'{}'",
            ["PreviousHash"] = "NULL",
            ["Hash"] = "NULL",
        },
        ("@n", auditCount)
    );
}
await tx.CommitAsync();
Console.WriteLine(
    $"added {enterprises} enterprises, {count} products, recognitions and certificates"
        + (spreadYears > 0 ? $" over {firstYear}–{lastYear}" : "")
        + (reports > 0 ? $", {reports} annual reports ({reports * 8} figures)" : "")
        + (dossiersAdded > 0 ? $", {dossiersAdded} dossiers ({sheetsAdded} score sheets)" : "")
        + (auditCount > 0 ? $", {auditCount} audit entries" : "")
        + $" in {sw.Elapsed.TotalSeconds:F1} s"
);

await ExecAsync("ANALYZE");
if (postgres)
    await ExecAsync("VACUUM ANALYZE");

if (args.Length > 3)
    await WriteQueriesAsync(args[3]);
Console.WriteLine($"done in {sw.Elapsed.TotalSeconds:F1} s");
return 0;

// Search queries as a visitor types them: a piece of a product's or an enterprise's name, two to five words, sometimes
// with its number, half of them without diacritics; 200,000 distinct ones, so that every request of a run misses the
// cache.
async Task WriteQueriesAsync(string path)
{
    var names = new List<string>();
    await using (var cmd = conn.CreateCommand())
    {
        cmd.CommandText =
            $"SELECT \"Name\" FROM \"Products\" WHERE \"Id\" > {prodBefore} UNION ALL SELECT \"NameVi\" FROM "
            + $"\"Enterprises\" WHERE \"Id\" > {entBefore}";
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            names.Add(r.GetString(0));
    }
    var rnd = new Random(42);
    var queries = new HashSet<string>(StringComparer.Ordinal);
    for (var attempt = 0; queries.Count < 200_000 && attempt < 2_000_000; attempt++)
    {
        var w = names[rnd.Next(names.Count)].Split(' ');
        var withNumber = rnd.Next(4) == 0;
        var last = withNumber ? w.Length : w.Length - 1; // the trailing number only sometimes
        var len = rnd.Next(2, 6);
        var start = rnd.Next(0, Math.Max(1, last - len + 1));
        var q = string.Join(' ', w.Skip(start).Take(Math.Min(len, last - start)));
        if (rnd.Next(2) == 0)
            q = SearchText.Fold(q);
        // Also a word cut short, as typed: "cap die".
        if (rnd.Next(3) == 0 && q.Length > 6)
            q = q[..^rnd.Next(1, 3)];
        queries.Add(q);
    }
    await File.WriteAllLinesAsync(path, queries.OrderBy(_ => rnd.Next()).Select(Uri.EscapeDataString));
    Console.WriteLine($"wrote {queries.Count} queries to {path}");
}
