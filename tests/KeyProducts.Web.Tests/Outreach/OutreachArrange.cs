using System.Net;
using System.Text.RegularExpressions;
using KeyProducts.Core.Common;
using KeyProducts.Core.Outreach;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Tests.Outreach;

/// <summary>Builders of outreach data straight in the database, and helpers to read pages.</summary>
internal static partial class OutreachArrange
{
    public const string Officer = "canbo@spcncl.demo.vn";

    /// <summary>A published event in ten days at the seeded craft village of Bát Tràng.</summary>
    public static Task<int> EventAsync(AppFactory app, int capacity, EventKind kind = EventKind.TrainingConference) =>
        app.WithDbAsync(async db =>
        {
            var village = await db.OutreachPlaces.FirstAsync(p => p.Code == "LN-BATTRANG");
            var start = app.Clock.GetUtcNow().AddDays(10);
            var e = new OutreachEvent
            {
                Kind = kind,
                Title = "Tập huấn " + Guid.NewGuid().ToString("N")[..6],
                PlaceKind = PlaceKind.CraftVillage,
                PlaceId = village.Id,
                Venue = "Nhà văn hóa thôn Bát Tràng, Xã Bát Tràng",
                StartsAt = start,
                EndsAt = start.AddHours(3),
                Capacity = capacity,
                Published = true,
                OrganisingUnit = "Sở Công Thương Hà Nội",
            };
            db.OutreachEvents.Add(e);
            await db.SaveChangesAsync();
            return e.Id;
        });

    public static Dictionary<string, string> Guest(string name, string email, string? tax = null) =>
        new()
        {
            ["Input.Name"] = name,
            ["Input.Organisation"] = "Hợp tác xã gốm " + name,
            ["Input.Phone"] = "0912345678",
            ["Input.Email"] = email,
            ["Input.TaxCode"] = tax ?? "",
        };

    public static Task<EventRegistration> RegistrationAsync(AppFactory app, string email, int eventId) =>
        app.WithDbAsync(db =>
            db.EventRegistrations.AsNoTracking()
                .SingleAsync(r => r.EventId == eventId && r.Email == email && r.Status != RegistrationStatus.Cancelled)
        );

    public static async Task<string> BodyAsync(HttpResponseMessage r) =>
        WebUtility.HtmlDecode(await r.Content.ReadAsStringAsync());

    /// <summary>A valid tax code not in the seed (the demo's illustrative codes start at sequence 9000).</summary>
    public static string FreshTaxCode(int seed) => Web.Data.Seed.OutreachSeeder.DemoTaxCode(seed);

    public static string TokenFromLocation(HttpResponseMessage r) =>
        TokenPattern().Match(r.Headers.Location?.OriginalString ?? "").Groups[1].Value;

    [GeneratedRegex("/Public/Events/Registration/([0-9a-f]+)")]
    private static partial Regex TokenPattern();
}
