using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;

namespace KeyProducts.Core.Support;

public enum SupportState
{
    Draft,
    Submitted,
    ChangesRequested,
    Resubmitted,
    Approved,
    Rejected,
    Disbursing,
    Completed,
}

/// <summary>The one state machine of a support application: every change goes through <see
/// cref="SupportApplication.Apply"/>.</summary>
public static class SupportTransitions
{
    public sealed record Rule(SupportState From, SupportState To, Actor Actor, bool ReasonRequired);

    public static readonly IReadOnlyList<Rule> Rules =
    [
        new(SupportState.Draft, SupportState.Submitted, Actor.Enterprise, false),
        new(SupportState.Submitted, SupportState.ChangesRequested, Actor.Officer, true),
        new(SupportState.Resubmitted, SupportState.ChangesRequested, Actor.Officer, true),
        new(SupportState.ChangesRequested, SupportState.Resubmitted, Actor.Enterprise, false),
        new(SupportState.Submitted, SupportState.Approved, Actor.Officer, false),
        new(SupportState.Resubmitted, SupportState.Approved, Actor.Officer, false),
        new(SupportState.Submitted, SupportState.Rejected, Actor.Officer, true),
        new(SupportState.Resubmitted, SupportState.Rejected, Actor.Officer, true),
        new(SupportState.Approved, SupportState.Disbursing, Actor.Officer, false),
        new(SupportState.Approved, SupportState.Completed, Actor.Officer, false),
        new(SupportState.Disbursing, SupportState.Completed, Actor.Officer, false),
    ];

    public static Rule? Find(SupportState from, SupportState to, Actor actor) =>
        Rules.FirstOrDefault(r => r.From == from && r.To == to && r.Actor == actor);

    public static IEnumerable<SupportState> AllowedFrom(SupportState from, Actor actor) =>
        Rules.Where(r => r.From == from && r.Actor == actor).Select(r => r.To);

    /// <summary>States that count as "supported" (a commitment exists).</summary>
    public static readonly IReadOnlyList<SupportState> Committed =
    [
        SupportState.Approved,
        SupportState.Disbursing,
        SupportState.Completed,
    ];
    public static readonly IReadOnlyList<SupportState> EditableByEnterprise =
    [
        SupportState.Draft,
        SupportState.ChangesRequested,
    ];
    public static readonly IReadOnlyList<SupportState> AwaitingOfficer =
    [
        SupportState.Submitted,
        SupportState.Resubmitted,
    ];
}

public sealed class IllegalSupportTransitionException(SupportState from, SupportState to, Actor actor)
    : DomainException("IllegalTransition", "Không thể chuyển hồ sơ hỗ trợ từ trạng thái {0} sang {1}.", from, to)
{
    public SupportState From { get; } = from;
    public SupportState To { get; } = to;
    public Actor Actor { get; } = actor;
}

public class SupportApplication : Entity, IAudited
{
    public int CallId { get; set; }
    public int ProgramId { get; set; }
    public int Year { get; set; }
    public int EnterpriseId { get; set; }
    public string Code { get; set; } = "";
    public string Purpose { get; set; } = "";
    public SupportState State { get; set; } = SupportState.Draft;

    /// <summary>The enterprise linked at least one product with a valid SPCNCL recognition (priority in
    /// ranking).</summary>
    public bool Priority { get; set; }
    public long RequestedVnd { get; set; }
    public long? ApprovedVnd { get; set; }
    public long DisbursedVnd { get; set; }

    /// <summary>Why a cap cut the approved amount (Vietnamese, one reason per line).</summary>
    public string? CapReasons { get; set; }
    public string? DecisionReason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public List<SupportItem> Items { get; set; } = [];
    public List<SupportProductLink> Products { get; set; } = [];
    public List<SupportDocument> Documents { get; set; } = [];
    public List<SupportHistory> History { get; set; } = [];
    public List<SupportTranche> Tranches { get; set; } = [];

    public bool IsEditableByEnterprise => SupportTransitions.EditableByEnterprise.Contains(State);

    /// <summary>The single way to change state: checks the table and the reason, records history.</summary>
    public SupportHistory Apply(SupportState to, Actor actor, string userId, DateTimeOffset now, string? reason = null)
    {
        var rule = SupportTransitions.Find(State, to, actor)
            ?? throw new IllegalSupportTransitionException(State, to, actor);
        if (rule.ReasonRequired && string.IsNullOrWhiteSpace(reason))
            throw new DomainException("Reason", "Cần nêu lý do cho bước này.");
        if (to is SupportState.Submitted or SupportState.Resubmitted)
        {
            if (Items.Count == 0)
                throw new DomainException("Items", "Cần ít nhất một hạng mục đề nghị hỗ trợ.");
            SubmittedAt ??= now;
        }
        var entry = new SupportHistory
        {
            From = State,
            To = to,
            Actor = actor,
            UserId = userId,
            At = now,
            Reason = reason?.Trim(),
        };
        State = to;
        if (rule.ReasonRequired)
            DecisionReason = reason?.Trim();
        History.Add(entry);
        return entry;
    }

    /// <summary>Sets the items from the enterprise's form; only while it may edit.</summary>
    public void SetItems(IEnumerable<(string Description, long CostVnd, int Quantity)> items)
    {
        if (!IsEditableByEnterprise)
            throw new DomainException("State", "Hồ sơ không còn sửa được ở trạng thái này.");
        var list = items.ToList();
        foreach (var (description, cost, quantity) in list)
        {
            if (string.IsNullOrWhiteSpace(description))
                throw new DomainException("Items", "Cần mô tả hạng mục.");
            if (cost <= 0)
                throw new DomainException("Items", "Chi phí của hạng mục phải là số nguyên dương (đồng).");
            if (quantity is < 1 or > 1000)
                throw new DomainException("Items", "Số lượng phải từ 1 đến 1000.");
        }
        Items.Clear();
        foreach (var (description, cost, quantity) in list)
            Items.Add(
                new SupportItem
                {
                    Description = description.Trim(),
                    CostVnd = cost,
                    Quantity = quantity,
                }
            );
        RequestedVnd = list.Sum(i => i.CostVnd);
    }

    /// <summary>The items as the rules see them: an item of quantity n (n learners, n contracts) is n items of cost/n
    /// each
    /// (rounded down), since caps apply per learner or per contract.</summary>
    public IReadOnlyList<(string Description, long CostVnd)> RuleItems() =>
        Items
            .SelectMany(i =>
                Enumerable
                    .Range(1, i.Quantity)
                    .Select(n =>
                        (
                            i.Quantity == 1 ? i.Description : $"{i.Description} ({n}/{i.Quantity})",
                            i.CostVnd / i.Quantity
                        )
                    )
            )
            .ToList();

    /// <summary>Approves an amount no higher than the computed maximum. The budget is committed separately,
    /// atomically.</summary>
    public SupportHistory Approve(long amountVnd, SupportComputation computation, string userId, DateTimeOffset now)
    {
        if (amountVnd <= 0)
            throw new DomainException("Amount", "Số tiền phê duyệt phải là số nguyên dương (đồng).");
        if (amountVnd > computation.MaximumVnd)
            throw new DomainException(
                "Amount",
                "Số tiền {0} đ vượt mức tối đa theo quy định của chương trình ({1} đ).",
                VnFormat.Vnd(amountVnd),
                VnFormat.Vnd(computation.MaximumVnd)
            );
        var entry = Apply(SupportState.Approved, Actor.Officer, userId, now);
        ApprovedVnd = amountVnd;
        DecidedAt = now;
        var reasons = computation.Reasons.Select(r => string.Format(VnFormat.Culture, r.Template, r.Args)).ToList();
        CapReasons = reasons.Count == 0 ? null : string.Join("\n", reasons);
        return entry;
    }

    /// <summary>Records a tranche; the total disbursed can never exceed the approved amount. The last tranche
    /// completes.</summary>
    public SupportTranche Disburse(long amountVnd, DateOnly paidOn, string reference, string userId, DateTimeOffset now)
    {
        if (State is not (SupportState.Approved or SupportState.Disbursing) || ApprovedVnd is not { } approved)
            throw new DomainException("State", "Chỉ giải ngân cho hồ sơ đã được phê duyệt và chưa hoàn thành.");
        if (amountVnd <= 0)
            throw new DomainException("Amount", "Số tiền giải ngân phải là số nguyên dương (đồng).");
        if (DisbursedVnd + amountVnd > approved)
            throw new DomainException(
                "Amount",
                "Tổng giải ngân {0} đ sẽ vượt số đã phê duyệt {1} đ (còn lại {2} đ).",
                VnFormat.Vnd(DisbursedVnd + amountVnd),
                VnFormat.Vnd(approved),
                VnFormat.Vnd(approved - DisbursedVnd)
            );
        if (string.IsNullOrWhiteSpace(reference))
            throw new DomainException("Reference", "Cần nhập số chứng từ.");
        var tranche = new SupportTranche
        {
            Number = Tranches.Count + 1,
            AmountVnd = amountVnd,
            PaidOn = paidOn,
            Reference = reference.Trim(),
            UserId = userId,
            At = now,
        };
        Tranches.Add(tranche);
        DisbursedVnd += amountVnd;
        if (DisbursedVnd == approved)
            Apply(SupportState.Completed, Actor.Officer, userId, now);
        else if (State == SupportState.Approved)
            Apply(SupportState.Disbursing, Actor.Officer, userId, now);
        return tranche;
    }
}

public class SupportItem : Entity
{
    public int ApplicationId { get; set; }
    public string Description { get; set; } = "";

    /// <summary>Total eligible cost of the item in VND (all learners/contracts together).</summary>
    public long CostVnd { get; set; }
    public int Quantity { get; set; } = 1;
}

public class SupportProductLink : Entity
{
    public int ApplicationId { get; set; }
    public int ProductId { get; set; }
}

public class SupportDocument : Entity, IAudited
{
    public int ApplicationId { get; set; }
    public string Title { get; set; } = "";
    public string FileName { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public string UploadedBy { get; set; } = "";
    public string ContentType { get; set; } = "";
    public long Size { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}

public class SupportHistory : Entity
{
    public int ApplicationId { get; set; }
    public SupportState From { get; set; }
    public SupportState To { get; set; }
    public Actor Actor { get; set; }
    public string UserId { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string? Reason { get; set; }
}

public class SupportTranche : Entity, IAudited
{
    public int ApplicationId { get; set; }
    public int Number { get; set; }
    public long AmountVnd { get; set; }
    public DateOnly PaidOn { get; set; }
    public string Reference { get; set; } = "";
    public string UserId { get; set; } = "";
    public DateTimeOffset At { get; set; }
}
