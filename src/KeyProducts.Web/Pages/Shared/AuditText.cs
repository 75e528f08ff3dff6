using System.Globalization;
using System.Text.Json;
using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Enterprises;
using KeyProducts.Web.Features.Dossiers;

namespace KeyProducts.Web.Pages.Shared;

/// <summary>Audit rows as a reader wants them: "Field: before → after" with the field's name in words ("Ngành", not
/// "SectorId"), yes/no instead of True/False, names instead of ids where the page knows them, enums and dates readable,
/// and the kind of record in words ("Doanh nghiệp", not "Enterprise"). Labels are Vietnamese localizer keys.</summary>
public static class AuditText
{
    /// <summary>One change: the field (a localizer key when <see cref="FieldIsLabel"/>, else the technical name of a
    /// field
    /// without a label yet) and its values (localizer keys when <see cref="IsLabel"/>, else data).</summary>
    public sealed record Line(string Field, bool FieldIsLabel, string Before, string After, bool IsLabel);

    private static readonly HashSet<string> Hidden =
    [
        "Id",
        "Version",
        "SearchText",
        "DirectorySearchText",
        "EnterpriseId",
        "HeadOffice.EnterpriseId",
        "ProductId",
        "DossierId",
        "NormalizedEmail",
        "NormalizedUserName",
        "SecurityStamp",
        "ConcurrencyStamp",
        "Address.FactoryId",
    ];

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
        ["Recognition"] = "Công nhận",
        ["Certificate"] = "Giấy chứng nhận",
        ["Sector"] = "Ngành",
        ["AdministrativeUnit"] = "Đơn vị hành chính",
        ["Agency"] = "Cơ quan",
        ["HighTechProduct"] = "Sản phẩm công nghệ cao (danh mục)",
        ["SupportProgram"] = "Chương trình hỗ trợ",
        ["SupportCall"] = "Đợt kêu gọi hỗ trợ",
        ["SupportApplication"] = "Đề nghị hỗ trợ",
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
    };

    public static (string Label, bool IsLabel) Field(string entityType, string field) =>
        FieldLabels.TryGetValue($"{entityType}.{field}", out var typed) ? (typed, true)
        : FieldLabels.TryGetValue(field, out var label) ? (label, true)
        : (field, false);

    /// <summary>The changes of one audit row, without technical columns. <paramref name="sectors"/> turns a sector id
    /// into
    /// its name (pages that show sector changes pass it).</summary>
    public static IEnumerable<Line> Lines(
        string changesJson,
        string entityType = "",
        IReadOnlyDictionary<int, string>? sectors = null
    )
    {
        using var doc = JsonDocument.Parse(changesJson);
        var lines = new List<Line>();
        foreach (var p in doc.RootElement.EnumerateObject())
        {
            if (Hidden.Contains(p.Name) || p.Value.ValueKind != JsonValueKind.Object)
                continue;
            var (before, beforeIsLabel) = Value(entityType, p.Name, p.Value, "before", sectors);
            var (after, afterIsLabel) = Value(entityType, p.Name, p.Value, "after", sectors);
            if (before == after)
                continue;
            var (label, isLabel) = Field(entityType, p.Name);
            // Both sides are labels or neither (an empty side is "—", which needs no translation).
            lines.Add(new Line(label, isLabel, before, after, beforeIsLabel || afterIsLabel));
        }
        return lines;
    }

    private static (string Text, bool IsLabel) Value(
        string entityType,
        string field,
        JsonElement change,
        string side,
        IReadOnlyDictionary<int, string>? sectors
    )
    {
        if (!change.TryGetProperty(side, out var v) || v.ValueKind == JsonValueKind.Null)
            return ("—", false);
        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
            return (v.GetBoolean() ? "Có" : "Không", true);
        var text = v.ToString();
        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n))
        {
            return field switch
            {
                "Status" when entityType is "Enterprise" or "" && Enum.IsDefined(typeof(EnterpriseStatus), n) => (
                    EnterpriseStatusText.Of((EnterpriseStatus)n),
                    true
                ),
                "LegalForm" when Enum.IsDefined(typeof(LegalForm), n) => (EnterpriseText.Of((LegalForm)n), true),
                "Ownership" when Enum.IsDefined(typeof(Ownership), n) => (EnterpriseText.Of((Ownership)n), true),
                "State" when entityType == "Dossier" && Enum.IsDefined(typeof(DossierState), n) => (
                    DossierStateText.Of((DossierState)n),
                    true
                ),
                "SectorId" when sectors is not null && sectors.TryGetValue(n, out var sector) => (sector, false),
                _ => (text, false),
            };
        }
        if (
            v.ValueKind == JsonValueKind.String
            && text.Length >= 20
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
        )
            return (VnFormat.DateTime(at), false);
        return (text.Length == 0 ? "—" : text, false);
    }
}
