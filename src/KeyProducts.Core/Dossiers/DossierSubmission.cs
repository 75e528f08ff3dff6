using KeyProducts.Core.Common;
using KeyProducts.Core.Rounds;
using KeyProducts.Core.Rulebook;

namespace KeyProducts.Core.Dossiers;

/// <summary>The rules of submitting a dossier and of asking for supplements (procedure, step 4), in Hanoi
/// time.</summary>
public static class DossierSubmission
{
    /// <summary>Submits, or resubmits after a supplement request: the deadline (the round's, an extension's or the
    /// supplement's, each to the end of its day), nothing missing, the state table, the receipt code on the first
    /// submission only, the supplement answered and the rulebook frozen when the round receives its first
    /// dossier.</summary>
    public static DossierHistory Submit(
        Dossier dossier,
        Round round,
        CriteriaSet rulebook,
        SupplementRequest? openSupplement,
        DateOnly? extendedTo,
        int missingCount,
        string userId,
        DateTimeOffset nowUtc
    )
    {
        if (dossier.State == DossierState.NeedsSupplement)
        {
            if (openSupplement is { } s && nowUtc > VietnamTime.EndOfDayUtc(s.Deadline))
                throw new DomainException("Late", "Đã quá hạn bổ sung hồ sơ.");
        }
        else if (!round.IsOpenForSubmission(nowUtc, extendedTo))
            throw new DomainException("Late", "Đã hết hạn nộp hồ sơ của đợt xét chọn.");
        if (missingCount > 0)
            throw new DomainException("Incomplete", "Hồ sơ còn thiếu thông tin hoặc tài liệu bắt buộc.");

        var to = dossier.State == DossierState.NeedsSupplement ? DossierState.Resubmitted : DossierState.Submitted;
        var entry = dossier.Apply(to, Actor.Enterprise, userId, nowUtc);
        dossier.Code ??= round.NextDossierCode();
        if (openSupplement is not null)
            openSupplement.AnsweredAt = nowUtc;
        rulebook.FrozenAt ??= nowUtc;
        return entry;
    }

    /// <summary>An officer's request for supplements: at least one item and a deadline from today (Hanoi) on.</summary>
    public static void CheckSupplementRequest(int itemCount, DateOnly deadline, DateOnly todayInHanoi)
    {
        if (itemCount == 0)
            throw new DomainException("NoItems", "Chọn ít nhất một mục cần bổ sung và ghi nhận xét.");
        if (deadline < todayInHanoi)
            throw new DomainException("Deadline", "Hạn bổ sung phải từ hôm nay trở đi.");
    }
}
