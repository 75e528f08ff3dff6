using KeyProducts.Core.Common;
using KeyProducts.Core.Support;
using KeyProducts.Web.Data;

namespace KeyProducts.Web.Features.Support;

public static class SupportVersion
{
    /// <summary>Refuses a change made from a stale page; the version the user saw becomes the concurrency
    /// token.</summary>
    public static void Expect(AppDbContext db, SupportApplication a, int seenVersion)
    {
        if (a.Version != seenVersion)
            throw new DomainException("Changed", "Hồ sơ vừa được thay đổi ở nơi khác. Vui lòng tải lại trang.");
        db.Entry(a).Property(x => x.Version).OriginalValue = seenVersion;
    }
}
