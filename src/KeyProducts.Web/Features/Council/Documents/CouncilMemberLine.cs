using KeyProducts.Core.Council;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Council.Documents;

/// <summary>A council member as the documents name them, with whether they attended the meeting.</summary>
public sealed record CouncilMemberLine(
    int Id,
    string FullName,
    string Title,
    string? Agency,
    CouncilRole Role,
    bool Present
)
{
    /// <summary>The member's role in the council, in Vietnamese (the key of its translation).</summary>
    public static string RoleName(CouncilRole r) =>
        r switch
        {
            CouncilRole.Chair => "Chủ tịch Hội đồng",
            CouncilRole.ViceChair => "Phó Chủ tịch Hội đồng",
            CouncilRole.Secretary => "Thư ký Hội đồng",
            _ => "Ủy viên",
        };

    /// <summary>The members of a council, chair first, with their agency and attendance.</summary>
    public static async Task<List<CouncilMemberLine>> ListAsync(AppDbContext db, int councilId, CancellationToken ct) =>
        (
            await (
                from m in db.CouncilMembers.AsNoTracking()
                where m.CouncilId == councilId
                join a in db.Agencies on m.AgencyId equals a.Id into ag
                from a in ag.DefaultIfEmpty()
                orderby m.Role, m.Id
                select new
                {
                    m.Id,
                    m.FullName,
                    m.Title,
                    Agency = a == null ? null : a.Name,
                    m.Role,
                    Present = db.Attendance.Any(x => x.CouncilId == councilId && x.MemberId == m.Id && x.Present),
                }
            ).ToListAsync(ct)
        ).Select(m => new CouncilMemberLine(m.Id, m.FullName, m.Title, m.Agency, m.Role, m.Present)).ToList();
}
