using System.Security.Claims;
using KeyProducts.Web.Data;

namespace KeyProducts.Web.Pages.Shared;

/// <summary>The main navigation: each role sees its own work. Capabilities add their entries here.
/// Labels are Vietnamese keys translated by the localizer.</summary>
public static class Navigation
{
    public sealed record Item(string Path, string Label, string Icon, params string[] Roles);

    public static readonly IReadOnlyList<Item> Items =
    [
        new("/Portal", "Doanh nghiệp của tôi", "bi-building", Data.Roles.Enterprise),
        new("/Portal/Dossiers", "Hồ sơ xét chọn", "bi-folder2-open", Data.Roles.Enterprise),
        new("/Portal/Results", "Kết quả xét chọn", "bi-award", Data.Roles.Enterprise),
        new("/Portal/Certificates", "Giấy chứng nhận", "bi-patch-check", Data.Roles.Enterprise),
        new("/Portal/Support", "Hỗ trợ doanh nghiệp", "bi-cash-coin", Data.Roles.Enterprise),
        new("/Portal/AnnualReports", "Báo cáo năm", "bi-journal-check", Data.Roles.Enterprise),
        new("/Secretariat", "Bàn làm việc", "bi-briefcase", Data.Roles.Officer, Data.Roles.Admin),
        new("/Secretariat/Enterprises", "Doanh nghiệp", "bi-buildings", Data.Roles.Officer, Data.Roles.Admin),
        new("/Secretariat/Rulebook", "Bộ tiêu chí", "bi-list-check", Data.Roles.Officer, Data.Roles.Admin),
        new("/Secretariat/Rounds", "Đợt xét chọn", "bi-calendar-event", Data.Roles.Officer, Data.Roles.Admin),
        new("/Secretariat/Dossiers", "Thẩm định hồ sơ", "bi-folder-check", Data.Roles.Officer, Data.Roles.Admin),
        new("/Secretariat/Council", "Hội đồng xét chọn", "bi-people", Data.Roles.Officer, Data.Roles.Admin),
        new("/Secretariat/Certificates", "Giấy chứng nhận", "bi-patch-check", Data.Roles.Officer, Data.Roles.Admin),
        new("/Secretariat/Support", "Hỗ trợ doanh nghiệp", "bi-cash-coin", Data.Roles.Officer, Data.Roles.Admin),
        new("/Secretariat/Outreach", "Truyền thông, vận động", "bi-megaphone", Data.Roles.Officer, Data.Roles.Admin),
        new("/Secretariat/Targets", "Chỉ tiêu chương trình", "bi-bullseye", Data.Roles.Officer, Data.Roles.Admin),
        new("/Secretariat/AnnualReports", "Báo cáo năm", "bi-journal-check", Data.Roles.Officer, Data.Roles.Admin),
        new("/Council", "Chấm điểm", "bi-clipboard-check", Data.Roles.CouncilMember),
        new("/Leaders", "Tổng quan", "bi-graph-up", Data.Roles.Leader, Data.Roles.Officer, Data.Roles.Admin),
        new("/Admin", "Quản trị", "bi-gear", Data.Roles.Admin),
        new("/Admin/Reference", "Danh mục", "bi-journal-text", Data.Roles.Admin),
    ];

    /// <summary>True when <paramref name="path"/> is <paramref name="prefix"/> or a page below it
    /// ("/Portal/Dossiers/Edit" is under "/Portal/Dossiers", "/PortalX" is not).</summary>
    public static bool IsUnder(string path, string prefix) =>
        path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)
        && (path.Length == prefix.Length || path[prefix.Length] == '/');

    /// <summary>The item the page belongs to: the longest path it is under, so "/Secretariat/Dossiers/Details" marks
    /// "Thẩm định hồ sơ" and not also "Bàn làm việc".</summary>
    public static Item? Current(IEnumerable<Item> items, string path) =>
        items.Where(i => IsUnder(path, i.Path)).MaxBy(i => i.Path.Length);

    public static IEnumerable<Item> For(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? Items.Where(i => i.Roles.Any(user.IsInRole)) : [];

    public static readonly IReadOnlyList<Item> Public =
    [
        new("/", "Trang chủ", "bi-house"),
        new("/Public/Rounds", "Thông báo xét chọn", "bi-megaphone"),
        new("/Public/Directory", "Danh mục sản phẩm", "bi-award"),
        new("/Public/Support", "Kêu gọi hỗ trợ", "bi-cash-coin"),
        new("/Public/Events", "Sự kiện, hội nghị", "bi-calendar-event"),
        new("/Public/Program", "Kết quả chương trình", "bi-bar-chart"),
        new("/Public/Verify", "Xác minh", "bi-shield-check"),
        new("/Public/Help", "Hướng dẫn", "bi-question-circle"),
    ];
}
