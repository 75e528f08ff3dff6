using KeyProducts.Core.Common;
using KeyProducts.Core.Council;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Council;

/// <summary>Records (or corrects) the council of a round and the UBND decision that set it up.</summary>
public sealed class SetUpCouncil(AppDbContext db)
{
    public async Task<SelectionCouncil> ExecuteAsync(
        int roundId,
        string decisionNumber,
        DateOnly decisionDate,
        DateOnly? scoringDeadline,
        CancellationToken ct
    )
    {
        if (!DocumentNumber.TryParse(decisionNumber, out var number))
            throw new DomainException("DocumentNumber", "Số quyết định không đúng dạng (ví dụ 4074/QĐ-UBND).");
        var council = await db.Councils.FirstOrDefaultAsync(c => c.RoundId == roundId, ct);
        if (council is null)
            db.Councils.Add(council = new SelectionCouncil { RoundId = roundId });
        council.DecisionNumber = number!.ToString();
        council.DecisionDate = decisionDate;
        council.ScoringDeadline = scoringDeadline;
        await db.SaveChangesAsync(ct);
        return council;
    }
}
