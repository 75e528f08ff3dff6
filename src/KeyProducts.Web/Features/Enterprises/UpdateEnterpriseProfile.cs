using KeyProducts.Core.Enterprises;
using KeyProducts.Web.Data;

namespace KeyProducts.Web.Features.Enterprises;

/// <summary>The enterprise corrects its profile; a rejected profile goes back to the officers when resubmitted.
/// Editing a verified profile keeps it verified: the change is in the audit log for officers to review.</summary>
public sealed class UpdateEnterpriseProfile(AppDbContext db)
{
    public async Task<IReadOnlyList<FieldError>> RunAsync(
        Enterprise enterprise,
        EnterpriseProfileInput input,
        int expectedVersion,
        bool resubmit,
        CancellationToken ct
    )
    {
        var errors = await ReferenceChecks.CheckAsync(db, input, ct);
        if (errors.Count > 0)
            return errors;
        db.Entry(enterprise).Property(e => e.Version).OriginalValue = expectedVersion;
        input.ApplyTo(enterprise);
        if (resubmit && enterprise.Status == EnterpriseStatus.Rejected)
            enterprise.Resubmit();
        await db.SaveChangesAsync(ct);
        return [];
    }
}
