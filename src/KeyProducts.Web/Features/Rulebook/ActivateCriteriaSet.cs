using KeyProducts.Core.Common;
using KeyProducts.Core.Rulebook;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Rulebook;

/// <summary>Makes a set the one rounds may use: it must have indicators and a pass mark within its total.</summary>
public sealed class ActivateCriteriaSet(AppDbContext db, RulebookQueries queries)
{
    public async Task<string?> RunAsync(int id, CancellationToken ct)
    {
        var set = await queries.LoadAsync(id, track: true, ct);
        if (set is null) return "Không tìm thấy bộ tiêu chí.";
        if (set.Status == CriteriaSetStatus.Active) return null;
        if (set.MaxTotalHundredths <= 0) return "Bộ tiêu chí chưa có chỉ tiêu nào.";
        if (set.Rules.PassMarkHundredths > set.MaxTotalHundredths) return "Điểm đạt lớn hơn tổng điểm tối đa của bộ tiêu chí.";
        if (set.Tracks.Count == 0) return "Bộ tiêu chí chưa có nhóm điều kiện (luồng xét chọn) nào.";
        set.Status = CriteriaSetStatus.Active;
        await db.SaveChangesAsync(ct);
        return null;
    }
}
