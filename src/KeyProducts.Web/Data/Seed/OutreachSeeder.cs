using KeyProducts.Core.Common;
using KeyProducts.Core.Outreach;
using KeyProducts.Web.Features.Outreach;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Data.Seed;

/// <summary>Demo outreach: the shipped sample of clusters and craft villages, a training conference in a craft village
/// with registrations (one attended), a press conference, a ceremony for the latest recognized year, a media log entry,
/// and this year's target list mixing enterprises already in the system (their stages advance from their records) with
/// others still to contact.</summary>
public sealed class OutreachSeeder : IDemoSeeder
{
    public int Order => 80;

    public async Task SeedAsync(SeedContext ctx, CancellationToken ct)
    {
        var db = ctx.Db;
        if (await db.OutreachEvents.AnyAsync(ct))
            return;
        var import = ActivatorUtilities.CreateInstance<ImportPlaces>(ctx.Services, db);
        await import.ImportSampleAsync(ct);
        var now = ctx.Time.GetUtcNow();
        var today = VietnamTime.Today(ctx.Time);
        var village = await db.OutreachPlaces.FirstAsync(p => p.Code == "LN-BATTRANG", ct);
        DateTimeOffset At(int days, int hour) =>
            SaveOutreachEvent.ToUtc(today.AddDays(days).ToDateTime(new TimeOnly(hour, 0)));

        var training = new OutreachEvent
        {
            Kind = EventKind.TrainingConference,
            Title = "Hội nghị tập huấn chương trình bình chọn sản phẩm công nghiệp chủ lực tại làng nghề Bát Tràng",
            PlaceKind = PlaceKind.CraftVillage,
            PlaceId = village.Id,
            Venue = $"Nhà văn hóa thôn Bát Tràng, {village.CommuneName}",
            StartsAt = At(10, 8),
            EndsAt = At(10, 11),
            Capacity = 80,
            Published = true,
            OrganisingUnit = "Sở Công Thương Hà Nội",
            Audience = "Doanh nghiệp, hợp tác xã, hộ sản xuất gốm sứ",
            Programme =
                "08:00 Đón khách\n08:30 Phổ biến tiêu chí bình chọn\n09:30 Hướng dẫn lập hồ sơ trực tuyến\n10:30 Hỏi "
                + "đáp",
        };
        var press = new OutreachEvent
        {
            Kind = EventKind.PressConference,
            Title = "Họp báo công bố chương trình bình chọn sản phẩm công nghiệp chủ lực năm " + today.Year,
            PlaceKind = PlaceKind.OtherVenue,
            Venue = "Hội trường Sở Công Thương Hà Nội, 331 Cầu Giấy",
            StartsAt = At(-20, 9),
            EndsAt = At(-20, 11),
            Capacity = 0,
            Published = true,
            OrganisingUnit = "Sở Công Thương Hà Nội",
            Audience = "Cơ quan báo chí",
        };
        db.OutreachEvents.AddRange(training, press);
        var guests = new[]
        {
            ("Nguyễn Văn Bình", "Công ty TNHH Gốm Bát Tràng Xưa", "0912000001", "binh.gom@vidu.vn"),
            ("Trần Thị Lan", "HTX Gốm sứ Giang Cao", "0912000002", "lan.htx@vidu.vn"),
            ("Lê Minh Tuấn", "Cơ sở gốm Minh Tuấn", "0912000003", "tuan.gom@vidu.vn"),
        };
        foreach (var (name, org, phone, email) in guests)
            training.Register(name, org, phone, email, null, now.AddDays(-3), EventMail.NewToken());
        foreach (var (name, org, phone, email) in guests.Take(2))
            press.Registrations.Add(
                new EventRegistration
                {
                    Name = name,
                    Organisation = org,
                    Phone = phone,
                    Email = email,
                    Token = EventMail.NewToken(),
                    RegisteredAt = now.AddDays(-25),
                    Status = RegistrationStatus.Confirmed,
                    AttendedAt = At(-20, 9),
                }
            );
        await db.SaveChangesAsync(ct);
        db.MediaLog.Add(
            new MediaLogEntry
            {
                Outlet = "Báo Hà Nội Mới",
                PublishedOn = today.AddDays(-19),
                Title = "Hà Nội khởi động bình chọn sản phẩm công nghiệp chủ lực",
                Url = "https://hanoimoi.vn/",
                EventId = press.Id,
                RecordedAt = now,
            }
        );

        var latestYear = await db.Recognitions.Select(r => (int?)r.Year).MaxAsync(ct);
        if (latestYear is { } year)
            db.OutreachEvents.Add(
                new OutreachEvent
                {
                    Kind = EventKind.HonouringCeremony,
                    Title = $"Lễ tôn vinh sản phẩm công nghiệp chủ lực năm {year}",
                    PlaceKind = PlaceKind.OtherVenue,
                    Venue = "Cung Văn hóa Hữu nghị Việt Xô, 91 Trần Hưng Đạo",
                    StartsAt = At(30, 14),
                    EndsAt = At(30, 17),
                    Capacity = 300,
                    Published = false,
                    OrganisingUnit = "UBND Thành phố Hà Nội; Sở Công Thương Hà Nội",
                    Audience = "Doanh nghiệp có sản phẩm được công nhận",
                }
            );

        var officer = await db
            .Users.Where(u => u.Email == AccountsSeeder.OfficerEmail)
            .Select(u => u.Id)
            .FirstOrDefaultAsync(ct);
        var known = await db
            .Enterprises.OrderBy(e => e.Id)
            .Take(3)
            .Select(e => new { e.TaxCode, e.NameVi })
            .ToListAsync(ct);
        var rules = MobilizationThresholds.Plan2020;
        var i = 0;
        foreach (var e in known)
            db.MobilizationTargets.Add(
                new MobilizationTarget
                {
                    Year = today.Year,
                    TaxCode = e.TaxCode,
                    Name = e.NameVi,
                    Sector = "Công nghiệp chế biến, chế tạo",
                    RevenueVnd = 150 * Money.OneBillionVnd,
                    Source = "Niên giám thống kê",
                    Flags = rules.Flag(150 * Money.OneBillionVnd, null, false),
                    OwnerUserId = officer,
                    Stage = MobilizationStage.Guided,
                    ImportedAt = now,
                    Email = $"lienhe{++i}@vidu.vn",
                }
            );
        foreach (
            var (name, revenue, export, highTech) in new (string, long?, long?, string?)[]
            {
                ("Công ty cổ phần Cơ khí Đông Anh (minh họa)", 320 * Money.OneBillionVnd, 2_500_000L * 100, null),
                ("Công ty TNHH Điện tử Quang Minh (minh họa)", 180 * Money.OneBillionVnd, null, "Linh kiện điện tử"),
                ("Công ty cổ phần Gốm sứ Bát Tràng (minh họa)", 45 * Money.OneBillionVnd, 1_200_000L * 100, null),
            }
        )
            db.MobilizationTargets.Add(
                new MobilizationTarget
                {
                    Year = today.Year,
                    TaxCode = DemoTaxCode(9000 + i++),
                    Name = name,
                    Sector = "Công nghiệp chế biến, chế tạo",
                    RevenueVnd = revenue,
                    ExportUsdCents = export,
                    HighTechProduct = highTech,
                    Source = "Cục Thống kê Hà Nội",
                    Flags = rules.Flag(revenue, export, highTech is not null),
                    ImportedAt = now,
                    Email = $"lienhe{i}@vidu.vn",
                    OwnerUserId = i % 2 == 0 ? officer : null,
                }
            );
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A valid tax code with the given sequence (for illustrative targets not in the enterprise
    /// register).</summary>
    public static string DemoTaxCode(int seed)
    {
        int[] w = [31, 29, 23, 19, 17, 13, 7, 5, 3];
        for (var n = seed; ; n++)
        {
            var body = "01" + n.ToString("0000000", System.Globalization.CultureInfo.InvariantCulture);
            var sum = 0;
            for (var k = 0; k < 9; k++)
                sum += (body[k] - '0') * w[k];
            var check = 10 - sum % 11;
            if (check <= 9)
                return body + check;
        }
    }
}
