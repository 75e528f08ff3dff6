using KeyProducts.Core.Common;
using KeyProducts.Core.Program;
using KeyProducts.Core.Rounds;
using KeyProducts.Core.Rulebook;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Data.Seed;

/// <summary>Phases with their targets, the "Hà Nội 2018–2025" rulebook (points to be confirmed) and yearly
/// rounds.</summary>
public sealed class ProgramSeeder : IDemoSeeder
{
    public int Order => 20;

    public async Task SeedAsync(SeedContext ctx, CancellationToken ct)
    {
        var db = ctx.Db;
        if (!await db.Phases.AnyAsync(ct))
        {
            db.Phases.AddRange(
                new Phase
                {
                    Name = "2018–2020",
                    StartYear = 2018,
                    EndYear = 2020,
                    LegalBasis = "496/QĐ-UBND",
                    TargetProductsMin = 80,
                    TargetGrowthPercentHundredths = 900,
                    TargetExportSharePercentHundredths = 1200,
                    TargetIndustrialSharePercentHundredths = 3300,
                    Notes =
                        "Đề án 496/QĐ-UBND ngày 26/01/2018: trên 80 sản phẩm; 33–35% doanh thu công nghiệp; tăng "
                        + "trưởng 9–10%/năm; 12–14% kim ngạch xuất khẩu.",
                },
                new Phase
                {
                    Name = "2021–2025",
                    StartYear = 2021,
                    EndYear = 2025,
                    LegalBasis = "Kế hoạch thực hiện Đề án giai đoạn 2021–2025",
                    TargetProductsMin = 150,
                    TargetProductsMax = 180,
                    TargetEnterprisesMin = 100,
                    TargetEnterprisesMax = 120,
                    TargetExportSharePercentHundredths = 2000,
                    TargetIndustrialSharePercentHundredths = 4000,
                    Notes =
                        "100–120 doanh nghiệp, 150–180 sản phẩm; 40–50% giá trị sản xuất công nghiệp; 20–25% kim "
                        + "ngạch xuất khẩu.",
                },
                new Phase
                {
                    Name = "2026–2030",
                    StartYear = 2026,
                    EndYear = 2030,
                    LegalBasis = "Dự thảo — chỉ tiêu do Sở Công Thương nhập khi được phê duyệt",
                    Notes = "Chỉ tiêu giai đoạn mới chưa được công bố; cán bộ cập nhật khi có văn bản.",
                }
            );
            await db.SaveChangesAsync(ct);
        }

        if (!await db.CriteriaSets.AnyAsync(ct))
        {
            db.CriteriaSets.Add(HanoiRulebook());
            await db.SaveChangesAsync(ct);
        }

        if (!await db.Rounds.AnyAsync(ct))
        {
            var set = await db.CriteriaSets.OrderBy(s => s.Id).FirstAsync(ct);
            var phases = await db.Phases.ToListAsync(ct);
            var today = VietnamTime.Today(ctx.Time);
            foreach (var year in new[] { 2024, 2025, today.Year })
            {
                var phase = phases.FirstOrDefault(p => p.Contains(year)) ?? phases.OrderBy(p => p.StartYear).Last();
                var isCurrent = year == today.Year;
                var round = new Round
                {
                    Year = year,
                    Title = $"Đánh giá, xét chọn sản phẩm công nghiệp chủ lực thành phố Hà Nội năm {year}",
                    PhaseId = phase.Id,
                    CriteriaSetId = set.Id,
                    Description =
                        "Sở Công Thương Hà Nội thông báo và hướng dẫn các doanh nghiệp đăng ký tham gia chương trình "
                        + "đánh giá, xét chọn sản phẩm công nghiệp chủ lực thành phố.",
                    RegistrationOpens = isCurrent ? today.AddDays(-60) : new DateOnly(year, 4, 1),
                    SubmissionDeadline = isCurrent ? today.AddDays(30) : new DateOnly(year, 8, 31),
                    ScreeningDeadline = isCurrent ? today.AddDays(50) : new DateOnly(year, 9, 30),
                    CouncilMeeting = isCurrent ? today.AddDays(60) : new DateOnly(year, 10, 20),
                    CommentOpens = isCurrent ? today.AddDays(62) : new DateOnly(year, 10, 25),
                    CommentCloses = isCurrent ? today.AddDays(76) : new DateOnly(year, 11, 8),
                    ContactName = "Phòng Quản lý công nghiệp, Sở Công Thương Hà Nội",
                    ContactEmail = "qlcn.sct@hanoi.gov.vn",
                    ContactPhone = "024 3825 3543",
                    Checklist = DefaultChecklist(),
                };
                round.ForceStatusForSeed(
                    isCurrent ? RoundStatus.Published : RoundStatus.Completed,
                    ctx.Time.GetUtcNow()
                );
                round.Documents.Add(
                    new RoundDocument
                    {
                        Kind = DocumentKind.Plan,
                        Number = $"{100 + year % 100}/KH-UBND",
                        IssuedOn = new DateOnly(year - 1, 12, 15),
                        Title = $"Kế hoạch tổ chức đánh giá, xét chọn sản phẩm công nghiệp chủ lực năm {year}",
                        Signer = "Phó Chủ tịch UBND Thành phố",
                    }
                );
                round.Documents.Add(
                    new RoundDocument
                    {
                        Kind = DocumentKind.Guidance,
                        Number = $"{1500 + year % 100}/HD-SCT",
                        IssuedOn = new DateOnly(year, 3, 20),
                        Title =
                            $"Hướng dẫn đăng ký tham gia đánh giá, xét chọn sản phẩm công nghiệp chủ lực năm {year}",
                        Signer = "Giám đốc Sở Công Thương",
                    }
                );
                db.Rounds.Add(round);
            }
            await db.SaveChangesAsync(ct);
        }
    }

    private static List<ChecklistItem> DefaultChecklist()
    {
        (string Code, string Name, bool Mandatory, string Tracks)[] items =
        [
            ("PDK", "Phiếu đăng ký tham gia (theo mẫu)", true, ""),
            ("TMSP", "Thuyết minh sản phẩm (công nghệ, tiêu chuẩn, thị trường)", true, ""),
            ("GCNDKDN", "Giấy chứng nhận đăng ký doanh nghiệp (bản sao)", true, ""),
            ("BCTC", "Báo cáo tài chính đã kiểm toán hoặc tờ khai thuế 3 năm gần nhất", true, ""),
            ("XK", "Chứng từ xuất khẩu (số liệu hải quan)", false, "C"),
            ("CNCL", "Công bố hợp chuẩn, hợp quy; chứng chỉ ISO", false, ""),
            ("SHTT", "Văn bằng sở hữu trí tuệ (nhãn hiệu, sáng chế, kiểu dáng)", false, ""),
            ("CNC", "Giấy chứng nhận sản phẩm công nghệ cao", true, "A"),
            (
                "TUANTHU",
                "Báo cáo chứng minh hoặc cam kết tuân thủ pháp luật về môi trường, chất lượng, sở hữu trí tuệ",
                true,
                "A"
            ),
            ("CAMKET", "Bản cam kết tính trung thực của hồ sơ", true, ""),
        ];
        return items
            .Select(
                (x, i) =>
                    new ChecklistItem
                    {
                        Code = x.Code,
                        Name = x.Name,
                        Mandatory = x.Mandatory,
                        TrackCodes = x.Tracks,
                        SortOrder = i + 1,
                        ProvesCompliance = x.Code == "TUANTHU",
                    }
            )
            .ToList();
    }

    /// <summary>Confirmed: tracks and thresholds (HD 1520/HD-SCT), the headline groups. Placeholder: every point value
    /// and the pass mark.</summary>
    public static CriteriaSet HanoiRulebook()
    {
        static Indicator I(string code, string name, long max, string guide, string evidence, int order) =>
            new()
            {
                Code = code,
                Name = name,
                MaxPointsHundredths = max * 100,
                Mode = ScoringMode.Free,
                Guide = guide,
                Evidence = evidence,
                SortOrder = order,
            };
        var set = new CriteriaSet
        {
            Name = "Bộ tiêu chí Hà Nội 2018–2025",
            LegalBasis = "496/QĐ-UBND",
            LegalBasisDate = new DateOnly(2018, 1, 26),
            VersionNumber = 1,
            NeedsConfirmation = true,
            Notes =
                "Điểm từng chỉ tiêu và điểm đạt là giá trị tạm, cán bộ phải đối chiếu với Đề án 496/QĐ-UBND (sửa đổi "
                + "bởi 2022/QĐ-UBND) và phụ lục phân công chấm điểm của 2023/QĐ-UBND trước khi sử dụng.",
            Rules = new DecisionRules
            {
                PassMarkHundredths = 7000,
                TopN = 10,
                TieBreak = TieBreak.HigherGroupScoreInOrder,
                ValidityMonths = 36,
                SpreadLimitHundredths = 1000,
                QuorumPercent = 75,
                ChairMustAttend = true,
            },
        };
        set.Groups =
        [
            new()
            {
                Code = "G1",
                Name = "Tăng trưởng",
                SortOrder = 1,
                Indicators =
                [
                    I(
                        "G1.1",
                        "Tốc độ tăng trưởng doanh thu sản phẩm bình quân 3 năm",
                        10,
                        "Cao hơn tốc độ tăng trưởng công nghiệp của thành phố được điểm tối đa.",
                        "Báo cáo tài chính 3 năm",
                        1
                    ),
                    I(
                        "G1.2",
                        "Tăng trưởng thị phần trong nước",
                        5,
                        "Theo số liệu doanh nghiệp cung cấp và đối chiếu thị trường.",
                        "Báo cáo thị trường",
                        2
                    ),
                ],
            },
            new()
            {
                Code = "G2",
                Name = "Quy mô",
                SortOrder = 2,
                Indicators =
                [
                    I(
                        "G2.1",
                        "Doanh thu sản phẩm năm gần nhất",
                        10,
                        "Theo ngưỡng của từng nhóm sản phẩm.",
                        "Báo cáo tài chính đã kiểm toán",
                        1
                    ),
                    I(
                        "G2.2",
                        "Đóng góp ngân sách nhà nước",
                        5,
                        "Do cơ quan thuế chấm.",
                        "Xác nhận của cơ quan thuế",
                        2
                    ),
                ],
            },
            new()
            {
                Code = "G3",
                Name = "Năng suất lao động",
                SortOrder = 3,
                Indicators =
                [
                    I(
                        "G3.1",
                        "Năng suất lao động (doanh thu/lao động)",
                        6,
                        "So với bình quân ngành.",
                        "Báo cáo lao động, BHXH",
                        1
                    ),
                    I(
                        "G3.2",
                        "Thu nhập bình quân của người lao động",
                        4,
                        "So với mức bình quân thành phố.",
                        "Báo cáo lao động",
                        2
                    ),
                ],
            },
            new()
            {
                Code = "G4",
                Name = "Khả năng xuất khẩu",
                SortOrder = 4,
                Indicators =
                [
                    I("G4.1", "Kim ngạch xuất khẩu của sản phẩm", 10, "Theo số liệu hải quan.", "Tờ khai hải quan", 1),
                    I(
                        "G4.2",
                        "Số thị trường xuất khẩu",
                        5,
                        "Ưu tiên thị trường có tiêu chuẩn cao.",
                        "Hợp đồng, chứng từ",
                        2
                    ),
                ],
            },
            new()
            {
                Code = "G5",
                Name = "Chất lượng sản phẩm",
                SortOrder = 5,
                Indicators =
                [
                    I(
                        "G5.1",
                        "Hệ thống quản lý chất lượng (ISO 9001, ISO 14001 …)",
                        8,
                        "Chứng chỉ còn hiệu lực.",
                        "Chứng chỉ ISO",
                        1
                    ),
                    I(
                        "G5.2",
                        "Công bố hợp chuẩn, hợp quy; giải thưởng chất lượng",
                        7,
                        "",
                        "Giấy công bố, giải thưởng",
                        2
                    ),
                ],
            },
            new()
            {
                Code = "G6",
                Name = "Công nghệ và đổi mới sáng tạo",
                SortOrder = 6,
                Indicators =
                [
                    I(
                        "G6.1",
                        "Trình độ công nghệ, tự động hóa, chuyển đổi số",
                        10,
                        "Nhà máy thông minh, dây chuyền tự động được điểm cao.",
                        "Thuyết minh công nghệ, kiểm tra thực tế",
                        1
                    ),
                    I(
                        "G6.2",
                        "Đầu tư nghiên cứu phát triển và sở hữu trí tuệ",
                        10,
                        "Văn bằng sáng chế, giải pháp hữu ích, chi R&D.",
                        "Văn bằng SHTT, báo cáo R&D",
                        2
                    ),
                ],
            },
            new()
            {
                Code = "G7",
                Name = "Môi trường và xã hội",
                SortOrder = 7,
                Indicators =
                [
                    I(
                        "G7.1",
                        "Tuân thủ pháp luật về bảo vệ môi trường, sản xuất sạch hơn",
                        6,
                        "Do cơ quan môi trường chấm.",
                        "Giấy phép môi trường",
                        1
                    ),
                    I("G7.2", "Trách nhiệm xã hội, việc làm, an sinh", 4, "", "Báo cáo trách nhiệm xã hội", 2),
                ],
            },
        ];
        set.Tracks =
        [
            new()
            {
                Code = "A",
                Name = "Sản phẩm công nghệ cao",
                Kind = TrackKind.HighTech,
                MinRevenueVnd = 10 * Money.OneBillionVnd,
                RequiresHighTechListing = true,
                RequiresComplianceReport = true,
                SortOrder = 1,
                Description =
                    "Sản phẩm thuộc Danh mục sản phẩm công nghệ cao được khuyến khích phát triển; doanh thu từ 10 tỷ "
                    + "đồng/năm; có báo cáo chứng minh hoặc cam kết tuân thủ pháp luật.",
            },
            new()
            {
                Code = "B",
                Name = "Sản phẩm không thuộc danh mục công nghệ cao",
                Kind = TrackKind.General,
                MinRevenueVnd = 100 * Money.OneBillionVnd,
                SortOrder = 2,
                Description = "Doanh thu hoặc giá trị sản xuất công nghiệp từ 100 tỷ đồng/năm.",
            },
            new()
            {
                Code = "C",
                Name = "Sản phẩm thủ công mỹ nghệ",
                Kind = TrackKind.Handicraft,
                MinExportUsdCents = Money.OneMillionUsdCents,
                SortOrder = 3,
                Description = "Kim ngạch xuất khẩu từ 1 triệu USD/năm.",
            },
            new()
            {
                Code = "D",
                Name = "Sản phẩm của doanh nghiệp khởi nghiệp",
                Kind = TrackKind.Startup,
                OfficerDecides = true,
                SortOrder = 4,
                Description =
                    "Ý tưởng sáng tạo, xu thế phát triển, khả năng hội nhập và các yếu tố xã hội khác (đánh giá định "
                    + "tính).",
            },
        ];
        set.Conditions =
        [
            new()
            {
                Code = "VIOLATION",
                Text =
                    "Không bị xử phạt vi phạm hành chính về môi trường, chất lượng, sở hữu trí tuệ trong 24 tháng "
                    + "trước khi nộp hồ sơ",
                RequiredAnswer = true,
                SortOrder = 1,
            },
            new()
            {
                Code = "TAX",
                Text = "Không nợ đọng thuế, bảo hiểm xã hội",
                RequiredAnswer = true,
                SortOrder = 2,
            },
        ];
        // placeholders pending confirmation, yet the demo rounds use it
        set.ForceStatusForSeed(CriteriaSetStatus.Active);
        return set;
    }
}
