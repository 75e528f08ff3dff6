using KeyProducts.Core.Common;
using KeyProducts.Core.Dossiers;
using KeyProducts.Web.Data;

namespace KeyProducts.Web.Features.Dossiers;

/// <summary>Raised when an officer acts on a dossier that someone else changed since the officer's page was
/// loaded.</summary>
public sealed class DossierChangedException()
    : DomainException(
        "Changed",
        "Hồ sơ vừa được người khác thay đổi. Vui lòng tải lại trang để xem bản mới nhất trước khi thao tác."
    );

internal static class DossierVersionGuard
{
    /// <summary>Checks the version the officer saw and makes EF check it again at save time (optimistic
    /// concurrency).</summary>
    public static void Expect(AppDbContext db, Dossier d, int seenVersion)
    {
        if (d.Version != seenVersion)
            throw new DossierChangedException();
        db.Entry(d).Property(x => x.Version).OriginalValue = seenVersion;
    }
}
