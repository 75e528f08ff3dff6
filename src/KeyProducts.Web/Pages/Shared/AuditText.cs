using System.Globalization;
using System.Reflection;
using System.Text.Json;
using KeyProducts.Core.Common;
using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Audit;

namespace KeyProducts.Web.Pages.Shared;

/// <summary>Audit rows as a reader wants them: "Field: before → after" with the field's name in words ("Ngành", not
/// "SectorId"), yes/no instead of True/False, names instead of ids (from the page's <see cref="AuditNames"/>), the
/// value of an enum by the name the pages show for it (<see cref="EnumText"/>, found from the field's CLR type), dates
/// readable, and the kind of record in words ("Doanh nghiệp", not "Enterprise"). Labels are Vietnamese localizer
/// keys.</summary>
public static class AuditText
{
    /// <summary>One change: the field (a localizer key when <see cref="FieldIsLabel"/>, else the technical name of a
    /// field without a label yet) and its values (localizer keys when <see cref="IsLabel"/>, several joined by
    /// <see cref="LabelSeparator"/> for a [Flags] enum; else data). A side that is the id of a record deleted since is
    /// marked <see cref="BeforeGone"/> or <see cref="AfterGone"/> and shown with <see
    /// cref="AuditNames.GoneLabel"/>.</summary>
    public sealed record Line(string Field, bool FieldIsLabel, string Before, string After, bool IsLabel)
    {
        public bool BeforeGone { get; init; }
        public bool AfterGone { get; init; }
    }

    /// <summary>Joins the labels of a [Flags] value (each flag's name is translated on its own).</summary>
    public const char LabelSeparator = '\n';

    /// <summary>One side of a line as the reader sees it, labels through <paramref name="localize"/>.</summary>
    public static string Show(string value, bool isLabel, bool gone, Func<string, object[], string> localize) =>
        gone ? localize(AuditNames.GoneLabel, [value])
        : isLabel && value != "—" ? string.Join(", ", value.Split(LabelSeparator).Select(k => localize(k, [])))
        : value;

    private static readonly HashSet<string> Hidden =
    [
        "Id",
        "Version",
        "SearchText",
        "DirectorySearchText",
        "HeadOffice.EnterpriseId",
        "NormalizedEmail",
        "NormalizedUserName",
        "SecurityStamp",
        "ConcurrencyStamp",
        "Address.FactoryId",
        "Rules.CriteriaSetId",
        // Technical columns no reader needs: the folded copy of a name kept for diacritic-free search (like
        // SearchText), the unguessable token of an event registration's QR code and cancel link (a credential, not
        // history), and the whole submitted dossier as JSON (compared version by version on the dossier page).
        "SearchName",
        "Token",
        "Json",
    ];

    /// <summary>Whether the change of this field (as the recorder names it) is left out of the lines.</summary>
    public static bool IsHidden(string field) => Hidden.Contains(field);

    /// <summary>Every Vietnamese label this class can hand to the localizer (kinds of record, fields, actions, yes/no),
    /// so a test can check each has an English translation.</summary>
    public static IEnumerable<string> AllLabels =>
        EntityLabels
            .Values.Concat(FieldLabels.Values)
            .Concat(["Tạo mới", "Cập nhật", "Xóa", "Có", "Không", AuditNames.GoneLabel]);

    public static string Action(string action) =>
        action switch
        {
            "Added" => "Tạo mới",
            "Modified" => "Cập nhật",
            "Deleted" => "Xóa",
            _ => action,
        };

    /// <summary>The kind of record in words; null for a type without a label (shown as it is).</summary>
    public static string? Entity(string type) => EntityLabels.GetValueOrDefault(type);

    /// <summary>Every kind of record the log can hold (each audited type has a label, <c>AuditLabelTests</c>): the
    /// audit log's filter offers these instead of reading the distinct types of the whole log on every
    /// request.</summary>
    public static IEnumerable<string> EntityTypes => EntityLabels.Keys;

    private static readonly Dictionary<string, string> EntityLabels = new(StringComparer.Ordinal)
    {
        ["Enterprise"] = "Doanh nghiệp",
        ["Product"] = "Sản phẩm",
        ["Factory"] = "Nhà xưởng",
        ["IntellectualProperty"] = "Văn bằng sở hữu trí tuệ",
        ["EnterpriseInvitation"] = "Lời mời tham gia tài khoản",
        ["ApplicationUser"] = "Tài khoản người dùng",
        ["IdentityUserRole`1"] = "Vai trò của tài khoản",
        ["Dossier"] = "Hồ sơ xét chọn",
        ["DossierDocument"] = "Tài liệu hồ sơ",
        ["DossierFigure"] = "Số liệu hồ sơ",
        ["DossierHistory"] = "Quá trình xử lý hồ sơ",
        ["DossierSnapshot"] = "Bản lưu hồ sơ đã nộp",
        ["ConditionAnswer"] = "Trả lời điều kiện",
        ["SelfAssessment"] = "Điểm tự đánh giá",
        ["SupplementRequest"] = "Đề nghị bổ sung",
        ["SupplementItem"] = "Mục cần bổ sung",
        ["SiteInspection"] = "Kiểm tra thực tế",
        ["DeadlineExtension"] = "Gia hạn nộp hồ sơ",
        ["Round"] = "Đợt xét chọn",
        ["RoundDocument"] = "Văn bản của đợt",
        ["ChecklistItem"] = "Danh mục tài liệu",
        ["Phase"] = "Giai đoạn",
        ["CriteriaSet"] = "Bộ tiêu chí",
        ["CriteriaGroup"] = "Nhóm tiêu chí",
        ["Indicator"] = "Chỉ tiêu",
        ["ScoreBand"] = "Mức điểm",
        ["EligibilityTrack"] = "Nhóm điều kiện tham gia",
        ["EligibilityCondition"] = "Điều kiện tham gia",
        ["SelectionCouncil"] = "Hội đồng xét chọn",
        ["CouncilMember"] = "Thành viên Hội đồng",
        ["ConflictOfInterest"] = "Xung đột lợi ích",
        ["IndicatorAssignment"] = "Phân công chấm điểm",
        ["ScoreSheet"] = "Phiếu chấm",
        ["Score"] = "Điểm chấm",
        ["Attendance"] = "Điểm danh họp Hội đồng",
        ["PublicComment"] = "Ý kiến công khai",
        ["RecognitionDecision"] = "Quyết định công nhận",
        ["Recognition"] = "Công nhận sản phẩm",
        ["Certificate"] = "Giấy chứng nhận",
        ["Sector"] = "Ngành",
        ["AdministrativeUnit"] = "Đơn vị hành chính",
        ["Agency"] = "Cơ quan",
        ["HighTechProduct"] = "Sản phẩm công nghệ cao (danh mục)",
        ["SupportProgram"] = "Chương trình hỗ trợ",
        ["SupportCall"] = "Đợt kêu gọi hỗ trợ",
        ["SupportApplication"] = "Hồ sơ đề nghị hỗ trợ",
        ["SupportBudget"] = "Ngân sách hỗ trợ",
        ["SupportTranche"] = "Đợt giải ngân",
        ["SupportDocument"] = "Tài liệu hỗ trợ",
        ["SupportHistory"] = "Quá trình xử lý hỗ trợ",
        ["SupportItem"] = "Nội dung hỗ trợ",
        ["SupportProductLink"] = "Sản phẩm được hỗ trợ",
        ["OutreachEvent"] = "Sự kiện, hội nghị",
        ["OutreachPlace"] = "Địa điểm vận động",
        ["EventRegistration"] = "Đăng ký dự sự kiện",
        ["EventMaterial"] = "Tài liệu sự kiện",
        ["MediaLogEntry"] = "Tin bài truyền thông",
        ["MobilizationTarget"] = "Doanh nghiệp vận động",
        ["TargetContact"] = "Lần liên hệ vận động",
        ["TargetThresholds"] = "Ngưỡng vận động",
        ["ProgramTarget"] = "Chỉ tiêu chương trình",
        ["Measurement"] = "Số liệu chỉ tiêu",
        ["AnnualReport"] = "Báo cáo năm",
        ["AnnualReportWindow"] = "Kỳ báo cáo năm",
        ["OutboxMessage"] = "Thư trong hộp thư đi", // not audited itself: the administrator's retry is
    };

    /// <summary>Field labels: first "Type.Field", then "Field" for names that mean the same everywhere.</summary>
    private static readonly Dictionary<string, string> FieldLabels = new(StringComparer.Ordinal)
    {
        // Everywhere
        ["Name"] = "Tên",
        ["NameVi"] = "Tên tiếng Việt",
        ["NameEn"] = "Tên tiếng Anh",
        ["Code"] = "Mã",
        ["Description"] = "Mô tả",
        ["Title"] = "Tiêu đề",
        ["Notes"] = "Ghi chú",
        ["Note"] = "Ghi chú",
        ["Year"] = "Năm",
        ["SortOrder"] = "Thứ tự",
        ["Status"] = "Trạng thái",
        ["CreatedAt"] = "Thời điểm tạo",
        ["UpdatedAt"] = "Thời điểm cập nhật",
        ["Email"] = "Email",
        ["Phone"] = "Điện thoại",
        ["Reason"] = "Lý do",
        ["SectorId"] = "Ngành",
        ["RoundId"] = "Đợt xét chọn",
        ["FileName"] = "Tên tệp",
        ["FileSha256"] = "Mã băm tệp",
        ["Sha256"] = "Mã băm tệp",
        ["Size"] = "Dung lượng (byte)",
        ["FileSize"] = "Dung lượng (byte)",
        ["ContentType"] = "Loại tệp",
        ["StoragePath"] = "Nơi lưu tệp",
        ["IsPublic"] = "Công khai",
        ["Mandatory"] = "Bắt buộc",
        ["Deadline"] = "Hạn",
        ["Message"] = "Nội dung",
        ["UserId"] = "Tài khoản",
        // Enterprise
        ["TaxCode"] = "Mã số thuế",
        ["LegalForm"] = "Loại hình doanh nghiệp",
        ["Ownership"] = "Hình thức sở hữu",
        ["ContactName"] = "Người liên hệ",
        ["ContactPhone"] = "Điện thoại liên hệ",
        ["ContactEmail"] = "Email liên hệ",
        ["Website"] = "Trang web",
        ["RejectionReason"] = "Lý do trả lại",
        ["VerifiedAt"] = "Thời điểm xác minh",
        ["HeadOffice.Street"] = "Trụ sở chính: số nhà, đường",
        ["HeadOffice.CommuneCode"] = "Trụ sở chính: phường, xã",
        ["HeadOffice.DistrictCode"] = "Trụ sở chính: quận, huyện (trước 01/07/2025)",
        ["HeadOffice.Province"] = "Trụ sở chính: tỉnh, thành phố",
        ["Address.Street"] = "Địa chỉ: số nhà, đường",
        ["Address.CommuneCode"] = "Địa chỉ: phường, xã",
        ["Address.DistrictCode"] = "Địa chỉ: quận, huyện (trước 01/07/2025)",
        ["Address.Province"] = "Địa chỉ: tỉnh, thành phố",
        // Product
        ["Model"] = "Ký hiệu (model)",
        ["IsHighTech"] = "Sản phẩm công nghệ cao",
        ["HighTechCode"] = "Mã trong danh mục công nghệ cao",
        ["Certifications"] = "Tiêu chuẩn, chứng nhận",
        ["Kind"] = "Loại",
        ["Number"] = "Số",
        ["GrantedOn"] = "Ngày cấp",
        // Dossier
        ["Dossier.Code"] = "Mã hồ sơ",
        ["TrackId"] = "Nhóm điều kiện",
        ["State"] = "Tình trạng",
        ["SubmittedAt"] = "Thời điểm nộp",
        ["StateChangedAt"] = "Thời điểm đổi tình trạng",
        ["Revision"] = "Lần nộp",
        ["DecisionReason"] = "Lý do kết luận",
        // Accounts
        ["DisplayName"] = "Họ và tên",
        ["UserName"] = "Tên đăng nhập",
        ["EmailConfirmed"] = "Đã xác nhận email",
        ["PhoneNumber"] = "Điện thoại",
        ["PhoneNumberConfirmed"] = "Đã xác nhận điện thoại",
        ["TwoFactorEnabled"] = "Xác thực hai lớp",
        ["LockoutEnd"] = "Khóa đến",
        ["LockoutEnabled"] = "Cho phép khóa khi đăng nhập sai",
        ["AccessFailedCount"] = "Số lần đăng nhập sai",
        ["PasswordHash"] = "Mật khẩu",
        ["IsEnterpriseOwner"] = "Quản lý tài khoản doanh nghiệp",
        ["RoleId"] = "Vai trò",
        ["TokenHash"] = "Mã lời mời",
        ["ExpiresAt"] = "Hết hạn lúc",
        ["AcceptedAt"] = "Thời điểm nhận lời mời",
        // Everywhere (continued): the id of a related record is labelled with the record it names
        ["EnterpriseId"] = "Doanh nghiệp",
        ["ProductId"] = "Sản phẩm",
        ["DossierId"] = "Hồ sơ xét chọn",
        ["ValidFrom"] = "Hiệu lực từ ngày",
        ["ValidTo"] = "Hiệu lực đến ngày",
        ["Employees"] = "Số lao động",
        ["EnterpriseRevenueVnd"] = "Doanh thu doanh nghiệp (đồng)",
        ["ProductRevenueVnd"] = "Doanh thu sản phẩm (đồng)",
        ["RdSpendingVnd"] = "Chi nghiên cứu, phát triển (đồng)",
        ["ExportUsdCents"] = "Kim ngạch xuất khẩu (USD)",
        ["RevenueVnd"] = "Doanh thu (đồng)",
        ["CouncilId"] = "Hội đồng",
        ["MemberId"] = "Thành viên Hội đồng",
        ["RecognitionId"] = "Công nhận sản phẩm",
        ["TrackCodes"] = "Áp dụng cho nhóm điều kiện",
        ["Answer"] = "Trả lời",
        ["AgencyId"] = "Cơ quan",
        ["CriteriaSetId"] = "Bộ tiêu chí",
        ["CriteriaGroupId"] = "Nhóm tiêu chí",
        ["IndicatorId"] = "Chỉ tiêu",
        ["Indicator"] = "Chỉ tiêu",
        ["LegalBasis"] = "Văn bản căn cứ",
        ["LegalBasisDate"] = "Ngày ban hành văn bản căn cứ",
        ["ChecklistItemId"] = "Mục tài liệu",
        ["UploadedAt"] = "Thời điểm tải lên",
        ["UploadedBy"] = "Người tải lên",
        ["ReplacedAt"] = "Thời điểm thay thế",
        ["Actor"] = "Bên thực hiện",
        ["At"] = "Thời điểm",
        ["From"] = "Từ tình trạng",
        ["To"] = "Sang tình trạng",
        ["EventId"] = "Sự kiện",
        ["AnsweredAt"] = "Thời điểm trả lời",
        ["Evidence"] = "Tài liệu minh chứng",
        ["Basis"] = "Phạm vi số liệu",
        ["Source"] = "Nguồn",
        ["Unit"] = "Đơn vị tính",
        ["RecordedAt"] = "Thời điểm ghi nhận",
        ["CommuneCode"] = "Phường, xã",
        ["Sector"] = "Ngành",
        ["Published"] = "Đã công bố",
        ["PublishedAt"] = "Thời điểm công bố",
        ["StartYear"] = "Năm bắt đầu",
        ["EndYear"] = "Năm kết thúc",
        ["PhaseId"] = "Giai đoạn",
        ["Signer"] = "Người ký",
        ["Comment"] = "Nhận xét",
        ["PointsHundredths"] = "Điểm",
        ["ScoreSheetId"] = "Phiếu chấm",
        ["SupplementRequestId"] = "Đề nghị bổ sung",
        ["ApplicationId"] = "Hồ sơ đề nghị hỗ trợ",
        ["ProgramId"] = "Chương trình hỗ trợ",
        ["CallId"] = "Đợt kêu gọi hỗ trợ",
        ["DisbursedVnd"] = "Đã giải ngân (đồng)",
        ["DecisionId"] = "Quyết định công nhận",
        ["TargetId"] = "Doanh nghiệp vận động",
        // AdministrativeUnit
        ["AdministrativeUnit.Level"] = "Cấp hành chính",
        ["AdministrativeUnit.ParentCode"] = "Mã quận, huyện cấp trên",
        // Agency
        ["Agency.ShortName"] = "Tên viết tắt",
        ["Agency.SuccessorId"] = "Cơ quan kế thừa",
        // AnnualReport
        ["AnnualReport.CorrectionNote"] = "Nội dung cần bổ sung",
        ["AnnualReport.EnteredByOfficer"] = "Cán bộ nhập từ Excel",
        ["AnnualReport.EnterpriseExportUsdCents"] = "Xuất khẩu doanh nghiệp (USD)",
        ["AnnualReport.EnterpriseProductionValueVnd"] = "Giá trị sản xuất doanh nghiệp (đồng)",
        ["AnnualReport.ProductExportUsdCents"] = "Xuất khẩu sản phẩm (USD)",
        ["AnnualReport.ProductProductionValueVnd"] = "Giá trị sản xuất sản phẩm (đồng)",
        ["AnnualReport.ReviewedAt"] = "Thời điểm xem xét",
        ["AnnualReport.ReviewerId"] = "Cán bộ xem xét",
        // AnnualReportWindow
        ["AnnualReportWindow.LastReminderAt"] = "Thời điểm nhắc gần nhất",
        ["AnnualReportWindow.Opens"] = "Ngày mở kỳ báo cáo",
        ["AnnualReportWindow.RemindDaysBefore"] = "Nhắc trước hạn (ngày)",
        // Attendance
        ["Attendance.Present"] = "Có mặt",
        // Certificate
        ["Certificate.IssuedAt"] = "Thời điểm cấp",
        ["Certificate.Serial"] = "Số hiệu giấy chứng nhận",
        ["Certificate.SupersededAt"] = "Thời điểm bị thay thế",
        ["Certificate.SupersededById"] = "Giấy chứng nhận thay thế",
        // ChecklistItem
        ["ChecklistItem.Hint"] = "Gợi ý",
        ["ChecklistItem.ProvesCompliance"] = "Chứng minh tuân thủ pháp luật",
        // ConditionAnswer
        ["ConditionAnswer.ConditionCode"] = "Mã điều kiện",
        // ConflictOfInterest
        ["ConflictOfInterest.DeclaredAt"] = "Thời điểm kê khai",
        ["ConflictOfInterest.DeclaredBy"] = "Người kê khai",
        ["ConflictOfInterest.Relationship"] = "Mối quan hệ",
        // CouncilMember
        ["CouncilMember.FullName"] = "Họ và tên",
        ["CouncilMember.Role"] = "Vai trò trong Hội đồng",
        // CriteriaGroup
        ["CriteriaGroup.MinPercent"] = "Tối thiểu (% điểm tối đa của nhóm)",
        ["CriteriaGroup.MinPointsHundredths"] = "Điểm tối thiểu của nhóm",
        // CriteriaSet
        ["CriteriaSet.CopiedFromId"] = "Sao chép từ bộ tiêu chí",
        ["CriteriaSet.FrozenAt"] = "Thời điểm khóa",
        ["CriteriaSet.NeedsConfirmation"] = "Cần đối chiếu với văn bản gốc",
        ["CriteriaSet.VersionNumber"] = "Phiên bản",
        ["Rules.Averaging"] = "Cách tính điểm trung bình",
        ["Rules.ChairMustAttend"] = "Chủ tịch Hội đồng phải dự họp",
        ["Rules.Disagreement"] = "Cách so chênh lệch điểm",
        ["Rules.PassMarkHundredths"] = "Điểm đạt",
        ["Rules.QuorumPercent"] = "Tỷ lệ thành viên dự họp tối thiểu (%)",
        ["Rules.SpreadLimitHundredths"] = "Mức chênh lệch điểm tối đa",
        ["Rules.TieBreak"] = "Cách xếp hạng khi bằng điểm",
        ["Rules.TopN"] = "Số sản phẩm tiêu biểu (Top N)",
        ["Rules.UseNormalizedScores"] = "Dùng điểm chuẩn hóa",
        ["Rules.ValidityMonths"] = "Thời hạn công nhận (tháng)",
        // DeadlineExtension
        ["DeadlineExtension.GrantedAt"] = "Thời điểm gia hạn",
        ["DeadlineExtension.GrantedBy"] = "Người gia hạn",
        ["DeadlineExtension.NewDeadline"] = "Hạn mới",
        // DossierFigure
        ["DossierFigure.AverageMonthlyIncomeVnd"] = "Thu nhập bình quân (đồng/người/tháng)",
        ["DossierFigure.BudgetContributionVnd"] = "Nộp ngân sách nhà nước (đồng)",
        ["DossierFigure.IndustrialOutputVnd"] = "Giá trị sản xuất công nghiệp (đồng)",
        // DossierSnapshot
        ["DossierSnapshot.TakenAt"] = "Thời điểm lưu",
        // EligibilityCondition
        ["EligibilityCondition.RequiredAnswer"] = "Câu trả lời đáp ứng điều kiện",
        ["EligibilityCondition.Text"] = "Nội dung điều kiện",
        // EligibilityTrack
        ["EligibilityTrack.MinExportUsdCents"] = "Kim ngạch xuất khẩu tối thiểu (USD)",
        ["EligibilityTrack.MinRevenueVnd"] = "Doanh thu tối thiểu (đồng)",
        ["EligibilityTrack.OfficerDecides"] = "Cán bộ xem xét, quyết định",
        ["EligibilityTrack.RequiresComplianceReport"] = "Yêu cầu tài liệu tuân thủ pháp luật",
        ["EligibilityTrack.RequiresHighTechListing"] = "Yêu cầu thuộc danh mục công nghệ cao",
        // EventRegistration
        ["EventRegistration.AttendedAt"] = "Thời điểm điểm danh",
        ["EventRegistration.AwardOrder"] = "Thứ tự trong quyết định công nhận",
        ["EventRegistration.CancelledAt"] = "Thời điểm hủy",
        ["EventRegistration.Organisation"] = "Đơn vị công tác",
        ["EventRegistration.RegisteredAt"] = "Thời điểm đăng ký",
        ["EventRegistration.ReminderSentAt"] = "Thời điểm gửi nhắc",
        // HighTechProduct
        ["HighTechProduct.ListDecision"] = "Quyết định ban hành danh mục",
        // Indicator
        ["Indicator.AssignedAgencyId"] = "Cơ quan được phân công chấm",
        ["Indicator.Guide"] = "Hướng dẫn chấm",
        ["Indicator.MaxPointsHundredths"] = "Điểm tối đa",
        ["Indicator.Mode"] = "Cách chấm",
        // Measurement
        ["Measurement.FromYear"] = "Từ năm",
        ["Measurement.IsEstimate"] = "Số ước tính",
        ["Measurement.ReferenceYear"] = "Năm của số liệu",
        ["Measurement.Value"] = "Giá trị",
        // MediaLogEntry
        ["MediaLogEntry.Outlet"] = "Cơ quan báo chí",
        ["MediaLogEntry.PublishedOn"] = "Ngày đăng",
        ["MediaLogEntry.Url"] = "Đường dẫn",
        // MobilizationTarget
        ["MobilizationTarget.Flags"] = "Tiêu chí đáp ứng",
        ["MobilizationTarget.HighTechProduct"] = "Sản phẩm công nghệ cao",
        ["MobilizationTarget.ImportedAt"] = "Thời điểm nhập danh sách",
        ["MobilizationTarget.InvitedAt"] = "Thời điểm mời",
        ["MobilizationTarget.OwnerUserId"] = "Cán bộ phụ trách",
        ["MobilizationTarget.Stage"] = "Bước vận động",
        // OutreachEvent
        ["OutreachEvent.Audience"] = "Đối tượng tham dự",
        ["OutreachEvent.Capacity"] = "Số chỗ",
        ["OutreachEvent.EndsAt"] = "Kết thúc lúc",
        ["OutreachEvent.StartsAt"] = "Bắt đầu lúc",
        ["OutreachEvent.OrganisingUnit"] = "Đơn vị tổ chức",
        ["OutreachEvent.PlaceId"] = "Cụm công nghiệp hoặc làng nghề",
        ["OutreachEvent.PlaceKind"] = "Loại địa điểm",
        ["OutreachEvent.Programme"] = "Chương trình sự kiện",
        ["OutreachEvent.Venue"] = "Địa điểm",
        // OutreachPlace
        ["OutreachPlace.Address"] = "Địa chỉ",
        ["OutreachPlace.CommuneName"] = "Tên phường, xã",
        ["OutreachPlace.Trade"] = "Ngành nghề",
        // Phase
        ["Phase.LegalBasisTitle"] = "Trích yếu văn bản căn cứ",
        ["Phase.TargetEnterprisesMax"] = "Mục tiêu số doanh nghiệp (tối đa)",
        ["Phase.TargetEnterprisesMin"] = "Mục tiêu số doanh nghiệp (tối thiểu)",
        ["Phase.TargetProductsMax"] = "Mục tiêu số sản phẩm (tối đa)",
        ["Phase.TargetProductsMin"] = "Mục tiêu số sản phẩm (tối thiểu)",
        ["Phase.TargetGrowthPercentHundredths"] = "Mục tiêu tăng trưởng giá trị sản xuất (%)",
        ["Phase.TargetExportSharePercentHundredths"] = "Mục tiêu tỷ trọng xuất khẩu (%)",
        ["Phase.TargetIndustrialSharePercentHundredths"] = "Mục tiêu tỷ trọng giá trị sản xuất công nghiệp (%)",
        // ProgramTarget
        ["ProgramTarget.BaselineYear"] = "Năm gốc",
        ["ProgramTarget.Cumulative"] = "Lũy kế",
        ["ProgramTarget.Max"] = "Giá trị tối đa",
        ["ProgramTarget.Min"] = "Giá trị tối thiểu",
        ["ProgramTarget.MinExclusive"] = "Phải vượt giá trị tối thiểu",
        ["ProgramTarget.SourceDate"] = "Ngày của văn bản nguồn",
        // PublicComment
        ["PublicComment.Contact"] = "Thông tin liên hệ",
        ["PublicComment.Content"] = "Nội dung ý kiến",
        ["PublicComment.Handling"] = "Hướng xử lý",
        ["PublicComment.ReceivedAt"] = "Thời điểm nhận",
        ["PublicComment.Response"] = "Nội dung trả lời",
        // Recognition
        ["Recognition.AverageScoreHundredths"] = "Điểm trung bình",
        ["Recognition.RevocationDocument"] = "Văn bản thu hồi",
        ["Recognition.RevocationReason"] = "Lý do thu hồi",
        ["Recognition.RevokedAt"] = "Thời điểm thu hồi",
        ["Recognition.Top10"] = "Sản phẩm tiêu biểu (Top 10)",
        // RecognitionDecision
        ["RecognitionDecision.Date"] = "Ngày quyết định",
        ["RecognitionDecision.Number"] = "Số quyết định",
        ["RecognitionDecision.SignerTitle"] = "Chức vụ người ký",
        // Round
        ["Round.ClosedAt"] = "Thời điểm đóng đợt",
        ["Round.CommentOpens"] = "Bắt đầu lấy ý kiến",
        ["Round.CommentCloses"] = "Kết thúc lấy ý kiến",
        ["Round.CompletedAt"] = "Thời điểm hoàn thành",
        ["Round.CouncilMeeting"] = "Họp Hội đồng",
        ["Round.LastDossierNumber"] = "Số thứ tự hồ sơ cuối cùng",
        ["Round.RegistrationOpens"] = "Bắt đầu nhận hồ sơ",
        ["Round.ScreeningDeadline"] = "Hạn thẩm định hồ sơ",
        ["Round.SubmissionDeadline"] = "Hạn nộp hồ sơ",
        // RoundDocument
        ["RoundDocument.IssuedOn"] = "Ngày ban hành",
        ["RoundDocument.Number"] = "Số, ký hiệu văn bản",
        // ScoreBand
        ["ScoreBand.Label"] = "Mô tả mức điểm",
        // ScoreSheet
        ["ScoreSheet.LastSavedAt"] = "Thời điểm lưu gần nhất",
        ["ScoreSheet.Pass"] = "Lượt chấm",
        ["ScoreSheet.ReopenReason"] = "Lý do mở lại",
        // Sector
        ["Sector.ValidFromYear"] = "Áp dụng từ năm",
        ["Sector.ValidToYear"] = "Áp dụng đến năm",
        // SelectionCouncil
        ["SelectionCouncil.CurrentPass"] = "Lượt chấm hiện tại",
        ["SelectionCouncil.DecisionDate"] = "Ngày quyết định thành lập",
        ["SelectionCouncil.DecisionNumber"] = "Số quyết định thành lập",
        ["SelectionCouncil.ProposedAt"] = "Thời điểm trình UBND Thành phố",
        ["SelectionCouncil.PublishedAt"] = "Thời điểm công bố lấy ý kiến",
        ["SelectionCouncil.ResultsConfirmedAt"] = "Thời điểm Hội đồng thông qua kết quả",
        ["SelectionCouncil.ScoringDeadline"] = "Hạn nộp phiếu chấm",
        // SelfAssessment
        ["SelfAssessment.ClaimedHundredths"] = "Điểm tự chấm",
        // SiteInspection
        ["SiteInspection.AttachmentName"] = "Tệp biên bản",
        ["SiteInspection.AttachmentSha256"] = "Mã băm tệp",
        ["SiteInspection.Date"] = "Ngày kiểm tra",
        ["SiteInspection.Findings"] = "Kết quả kiểm tra",
        ["SiteInspection.Participants"] = "Thành phần tham gia",
        ["SiteInspection.RecordedBy"] = "Người ghi nhận",
        // SupplementItem / Request
        ["SupplementItem.Target"] = "Phần cần bổ sung",
        ["SupplementRequest.RequestedAt"] = "Thời điểm đề nghị",
        ["SupplementRequest.RequestedBy"] = "Người đề nghị",
        // SupportApplication
        ["SupportApplication.ApprovedVnd"] = "Số tiền được duyệt (đồng)",
        ["SupportApplication.CapReasons"] = "Lý do giảm theo mức trần",
        ["SupportApplication.DecidedAt"] = "Thời điểm quyết định",
        ["SupportApplication.Priority"] = "Được ưu tiên",
        ["SupportApplication.Purpose"] = "Mục đích",
        ["SupportApplication.RequestedVnd"] = "Số tiền đề nghị (đồng)",
        // SupportBudget
        ["SupportBudget.AllocatedVnd"] = "Dự toán được giao (đồng)",
        ["SupportBudget.CommittedVnd"] = "Đã cam kết (đồng)",
        // SupportCall
        ["SupportCall.ClosesOn"] = "Ngày kết thúc nhận hồ sơ",
        ["SupportCall.OpensOn"] = "Ngày bắt đầu nhận hồ sơ",
        ["SupportCall.DocumentsAsked"] = "Hồ sơ cần nộp",
        // SupportItem
        ["SupportItem.CostVnd"] = "Chi phí (đồng)",
        ["SupportItem.Quantity"] = "Số lượng",
        // SupportProgram
        ["SupportProgram.Active"] = "Đang áp dụng",
        ["SupportProgram.CapPerEnterprisePerYearVnd"] = "Mức hỗ trợ tối đa mỗi doanh nghiệp mỗi năm (đồng)",
        ["SupportProgram.CapPerItemVnd"] = "Mức hỗ trợ tối đa mỗi đơn vị (đồng)",
        ["SupportProgram.CoFundingRateBasisPoints"] = "Tỷ lệ hỗ trợ (%)",
        ["SupportProgram.Eligibility"] = "Đối tượng được hỗ trợ",
        ["SupportProgram.ItemUnit"] = "Đơn vị tính hạng mục",
        ["SupportProgram.ManagingUnit"] = "Đơn vị quản lý",
        ["SupportProgram.RecognizedOnly"] = "Chỉ dành cho doanh nghiệp có sản phẩm được công nhận",
        ["SupportProgram.SpcnclPriority"] = "Ưu tiên sản phẩm công nghiệp chủ lực",
        ["SupportProgram.YearlyBudgetVnd"] = "Ngân sách hằng năm (đồng)",
        // SupportTranche
        ["SupportTranche.AmountVnd"] = "Số tiền (đồng)",
        ["SupportTranche.Number"] = "Lần giải ngân",
        ["SupportTranche.PaidOn"] = "Ngày chi",
        ["SupportTranche.Reference"] = "Số chứng từ",
        // TargetContact
        ["TargetContact.ByUserId"] = "Cán bộ liên hệ",
        ["TargetContact.On"] = "Ngày liên hệ",
        // TargetThresholds
        ["TargetThresholds.ExportUsdCents"] = "Ngưỡng kim ngạch xuất khẩu (USD/năm)",
        ["TargetThresholds.RevenueVnd"] = "Ngưỡng doanh thu (đồng/năm)",
    };

    public static (string Label, bool IsLabel) Field(string entityType, string field) =>
        FieldLabels.TryGetValue($"{entityType}.{field}", out var typed) ? (typed, true)
        : FieldLabels.TryGetValue(field, out var label) ? (label, true)
        : (field, false);

    /// <summary>The changes of one audit row, without technical columns. <paramref name="names"/> turns the ids of
    /// related records into their names (pages that show audit rows load it for their rows).</summary>
    public static IEnumerable<Line> Lines(string changesJson, string entityType = "", AuditNames? names = null)
    {
        using var doc = JsonDocument.Parse(changesJson);
        var lines = new List<Line>();
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            if (Hidden.Contains(p.Name) || p.Value.ValueKind != JsonValueKind.Object)
                continue;
            var before = Value(entityType, p.Name, p.Value, "before", names);
            var after = Value(entityType, p.Name, p.Value, "after", names);
            if (before == after)
                continue;
            var (label, isLabel) = Field(entityType, p.Name);
            // Both sides are labels or neither (an empty side is "—", which needs no translation).
            lines.Add(
                new Line(label, isLabel, before.Text, after.Text, before.IsLabel || after.IsLabel)
                {
                    BeforeGone = before.Gone,
                    AfterGone = after.Gone,
                }
            );
        }
        return lines;
    }

    /// <summary>The enum type of a field as the recorder names it ("Stage", "Rules.TieBreak"), from the CLR property
    /// of the audited type; null for a field that is not an enum.</summary>
    public static Type? EnumOf(string entityType, string field) =>
        EnumFields.Value.GetValueOrDefault($"{entityType}.{field}");

    /// <summary>Every enum-typed public property of an audited type, and of the owned objects it holds (its
    /// non-entity class-typed properties: Address, DecisionRules), keyed "Type.Field" or "Type.Owned.Field".</summary>
    private static readonly Lazy<Dictionary<string, Type>> EnumFields = new(() =>
    {
        var core = typeof(Entity).Assembly;
        var map = new Dictionary<string, Type>(StringComparer.Ordinal);
        static Type Bare(Type t) => Nullable.GetUnderlyingType(t) ?? t;
        static IEnumerable<PropertyInfo> Props(Type t) => t.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        foreach (
            var type in core.GetTypes()
                .Append(typeof(ApplicationUser))
                .Where(t => t.IsClass && !t.IsAbstract && AuditRecorder.IsAudited(t))
        )
        foreach (var p in Props(type))
        {
            var pt = Bare(p.PropertyType);
            if (pt.IsEnum)
                map.TryAdd($"{type.Name}.{p.Name}", pt);
            else if (pt.IsClass && pt.Assembly == core && !pt.IsAssignableTo(typeof(Entity)))
                foreach (var q in Props(pt).Where(q => Bare(q.PropertyType).IsEnum))
                    map.TryAdd($"{type.Name}.{p.Name}.{q.Name}", Bare(q.PropertyType));
        }
        return map;
    });

    /// <summary>Amounts stored as integers of their smallest unit, shown as the pages show them (the labels say
    /// "(đồng)", "(USD)", "(%)"): VND with thousands separators, USD from cents, points and percentages from hundredths
    /// (basis points are hundredths of a percent). Null for any other field.</summary>
    private static string? Amount(string field, long n) =>
        field.EndsWith("Vnd", StringComparison.Ordinal) ? VnFormat.Vnd(n)
        : field.EndsWith("UsdCents", StringComparison.Ordinal) ? VnFormat.Usd(n)
        : field.EndsWith("Hundredths", StringComparison.Ordinal)
        || field.EndsWith("BasisPoints", StringComparison.Ordinal)
            ? VnFormat.Points(n)
        : null;

    private static (string Text, bool IsLabel, bool Gone) Value(
        string entityType,
        string field,
        JsonElement change,
        string side,
        AuditNames? names
    )
    {
        if (!change.TryGetProperty(side, out var v) || v.ValueKind == JsonValueKind.Null)
            return ("—", false, false);
        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
            return (v.GetBoolean() ? "Có" : "Không", true, false);
        var text = v.ToString();
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var whole) && Amount(field, whole) is { } amount)
            return (amount, false, false);
        if (
            names?.ReferenceOf(entityType, field) is { } target
            && v.ValueKind is JsonValueKind.Number or JsonValueKind.String
            && names.Find(target, text) is { } named
        )
            return (named.Text, false, named.Gone);
        if (EnumOf(entityType, field) is { } enumType && EnumValue(enumType, v) is { } value)
            return EnumText.Names(value) is { } labels
                ? (labels.Count == 0 ? "—" : string.Join(LabelSeparator, labels), labels.Count > 0, false)
                : (text, false, false);
        if (
            v.ValueKind == JsonValueKind.String
            && text.Length >= 20
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
        )
            return (VnFormat.DateTime(at), false, false);
        // A date (DateOnly is written "2026-11-15") reads day first, as everywhere else.
        if (
            v.ValueKind == JsonValueKind.String
            && text.Length == 10
            && DateOnly.TryParseExact(
                text,
                "yyyy-MM-dd",
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var day
            )
        )
            return (VnFormat.Date(day), false, false);
        return (text.Length == 0 ? "—" : text, false, false);
    }

    /// <summary>An enum value as the recorder wrote it: its number (System.Text.Json's default), or its name.</summary>
    private static Enum? EnumValue(Type type, JsonElement v) =>
        v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var n) ? (Enum)System.Enum.ToObject(type, n)
        : v.ValueKind == JsonValueKind.String && System.Enum.TryParse(type, v.GetString(), out var parsed)
            ? (Enum)parsed!
        : null;
}
