using System.Text.RegularExpressions;
using KeyProducts.Core.Council;
using KeyProducts.Web.Data;
using KeyProducts.Web.Data.Seed;
using KeyProducts.Web.Features.Council;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KeyProducts.Web.Tests.Council;

/// <summary>Finds the seeded council data (CouncilSeeder) and fills sheets through the same use case the pages
/// call.</summary>
public static partial class CouncilTestData
{
    public const string ViceChair = AccountsSeeder.CouncilEmail; // scores everything
    public const string Conflicted = CouncilSeeder.ConflictedMemberEmail; // related to 0107891239
    public const string Third = "hoidong3@spcncl.demo.vn";

    public static Task<int> DossierOfAsync(this AppFactory app, string taxCode) =>
        app.WithDbAsync(db =>
            (
                from d in db.Dossiers
                join e in db.Enterprises on d.EnterpriseId equals e.Id
                where e.TaxCode == taxCode && d.Code != null && d.Code.StartsWith("SPCNCL-2026")
                select d.Id
            ).FirstAsync()
        );

    public static Task<string> UserIdAsync(this AppFactory app, string email) =>
        app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).FirstAsync());

    /// <summary>Scores every assigned indicator of a dossier for a member at the given share of the maximum, and
    /// submits.</summary>
    public static async Task ScoreAsync(
        this AppFactory app,
        string email,
        int dossierId,
        int percent,
        bool submit = true
    )
    {
        var userId = await app.UserIdAsync(email);
        using var scope = app.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var access = await sp.GetRequiredService<CouncilAccess>().ForMemberAsync(userId, dossierId, default)
            ?? throw new InvalidOperationException("no access");
        var db = sp.GetRequiredService<AppDbContext>();
        var save = sp.GetRequiredService<SaveScoreSheet>();
        var sheet = await save.CurrentSheetAsync(access, default);
        var version = sheet.Version;
        if (sheet.IsLocked)
            return;
        db.ChangeTracker.Clear();
        var assigned = await db
            .IndicatorAssignments.Where(a => a.MemberId == access.MemberId)
            .Select(a => a.IndicatorId)
            .ToListAsync();
        var max = await db
            .Indicators.Where(i => assigned.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => i.MaxPointsHundredths);
        await save.ExecuteAsync(
            access,
            version,
            max.Select(kv => new ScoreInput(kv.Key, kv.Value * percent / 100, "Nhận xét")).ToList(),
            submit,
            default
        );
    }

    /// <summary>Submits every open sheet of every member with access, so the council can confirm.</summary>
    public static async Task ScoreEverythingAsync(this AppFactory app, Func<int, int> percentForDossier)
    {
        var dossiers = await app.WithDbAsync(db =>
            db.Dossiers.Where(d => d.State == Core.Dossiers.DossierState.Scoring).Select(d => d.Id).ToListAsync()
        );
        foreach (var email in new[] { ViceChair, Conflicted, Third })
        foreach (var d in dossiers)
        {
            var userId = await app.UserIdAsync(email);
            var has = await app.WithDbAsync(async db =>
            {
                using var scope = app.Services.CreateScope();
                return await scope
                    .ServiceProvider.GetRequiredService<CouncilAccess>()
                    .ForMemberAsync(userId, d, default)
                    is not null;
            });
            if (has)
                await app.ScoreAsync(email, d, percentForDossier(d));
        }
    }

    public static int VersionIn(string html) =>
        int.Parse(VersionPattern().Match(html).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex("name=\"Input.Version\" value=\"(\\d+)\"")]
    private static partial Regex VersionPattern();

    public static SheetStatus? StatusOf(AppDbContext db, int memberId, int dossierId) =>
        db
            .ScoreSheets.Where(s => s.MemberId == memberId && s.DossierId == dossierId)
            .Select(s => (SheetStatus?)s.Status)
            .FirstOrDefault();
}
