using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Recognition;
using KeyProducts.Core.Rounds;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Council;
using KeyProducts.Web.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Certificates;

public sealed record DecisionInput(
    string Number,
    DateOnly Date,
    string Signer,
    string SignerTitle,
    IReadOnlySet<int> RecognizedDossierIds,
    IReadOnlySet<int> Top10DossierIds
);

/// <summary>Records the city's recognition decision (QĐ công nhận): one Recognition per recognized product, valid for
/// the
/// rulebook's months from the decision date; proposed dossiers become Recognized or NotRecognized; enterprises are
/// told.
/// The certificates of the new recognitions are issued in the same transaction, so a decision never exists without
/// them.</summary>
public sealed class RecordRecognitionDecision(
    AppDbContext db,
    CouncilQueries queries,
    EnterpriseNotifier notifier,
    ICurrentUser user,
    TimeProvider time,
    IssueCertificates certificates
)
{
    public async Task<RecognitionDecision> ExecuteAsync(int roundId, DecisionInput input, CancellationToken ct)
    {
        if (!DocumentNumber.TryParse(input.Number, out var number))
            throw new DomainException("DocumentNumber", "Số quyết định không đúng dạng (ví dụ 5012/QĐ-UBND).");
        if (string.IsNullOrWhiteSpace(input.Signer))
            throw new DomainException("SignerRequired", "Cần nhập người ký quyết định.");
        var round = await db.Rounds.FirstAsync(r => r.Id == roundId, ct);
        if (await db.RecognitionDecisions.AnyAsync(d => d.RoundId == roundId, ct))
            throw new DomainException("DecisionExists", "Đợt này đã có quyết định công nhận.");
        var view = await queries.ResultsAsync(round, ct);
        var rules = view.Rulebook.Rules;
        var dossiers = await db
            .Dossiers.Where(d => d.RoundId == roundId && d.State == DossierState.Proposed)
            .ToListAsync(ct);
        if (dossiers.Count == 0)
            throw new DomainException("NothingProposed", "Chưa có danh sách đề nghị công nhận.");
        var proposedIds = dossiers.Select(d => d.Id).ToHashSet();
        if (!input.RecognizedDossierIds.IsSubsetOf(proposedIds))
            throw new DomainException("NotProposed", "Chỉ công nhận được sản phẩm trong danh sách đề nghị.");
        if (!input.Top10DossierIds.IsSubsetOf(input.RecognizedDossierIds))
            throw new DomainException("Top10NotRecognized", "Sản phẩm Top 10 phải thuộc danh sách được công nhận.");
        if (input.Top10DossierIds.Count > rules.TopN)
            throw new DomainException("Top10TooMany", "Danh sách Top 10 có tối đa {0} sản phẩm.", rules.TopN);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var decision = new RecognitionDecision
        {
            RoundId = roundId,
            Number = number!.ToString(),
            Date = input.Date,
            Signer = input.Signer.Trim(),
            SignerTitle = input.SignerTitle.Trim(),
        };
        db.RecognitionDecisions.Add(decision);
        await db.SaveChangesAsync(ct);

        var now = time.GetUtcNow();
        var results = view.Rows.ToDictionary(r => r.Result.DossierId);
        var notices = new List<(int, string, string)>();
        var subject = $"Quyết định công nhận SPCNCL năm {round.Year}";
        foreach (var d in dossiers)
        {
            var total = results[d.Id].Result.DecisiveTotalHundredths;
            if (input.RecognizedDossierIds.Contains(d.Id))
            {
                d.Apply(DossierState.Recognized, Actor.Officer, user.Id ?? "", now);
                var top = input.Top10DossierIds.Contains(d.Id);
                db.Recognitions.Add(
                    new Recognition
                    {
                        DecisionId = decision.Id,
                        DossierId = d.Id,
                        ProductId = d.ProductId,
                        EnterpriseId = d.EnterpriseId,
                        Year = round.Year,
                        Top10 = top,
                        AverageScoreHundredths = total,
                        ValidFrom = input.Date,
                        ValidTo = Recognition.ValidUntil(input.Date, rules.ValidityMonths),
                    }
                );
                notices.Add(
                    (
                        d.EnterpriseId,
                        subject,
                        $"Sản phẩm \"{results[d.Id].ProductName}\" được công nhận là sản phẩm công nghiệp chủ lực "
                            + $"thành phố Hà Nội năm {round.Year}"
                            + (top ? " và thuộc Top 10" : "")
                            + $" theo Quyết định số {decision.Number} ngày {VnFormat.Date(decision.Date)}. Doanh "
                            + $"nghiệp được sử dụng biểu trưng của chương trình cho sản phẩm này."
                    )
                );
            }
            else
            {
                var reason =
                    $"Sản phẩm \"{results[d.Id].ProductName}\" không có trong Quyết định số {decision.Number}: tổng "
                    + $"điểm {VnFormat.Points(total)}, điểm chuẩn {VnFormat.Points(rules.PassMarkHundredths)}.";
                d.Apply(DossierState.NotRecognized, Actor.Officer, user.Id ?? "", now, reason);
                notices.Add((d.EnterpriseId, subject, reason));
            }
        }
        await notifier.NotifyAsync(notices, ct);
        if (round.Status == RoundStatus.Closed)
            round.Apply(RoundStatus.Completed, Actor.Officer, now);
        await db.SaveChangesAsync(ct);
        await certificates.RunAsync(decision.Id, ct);
        await tx.CommitAsync(ct);
        return decision;
    }
}
