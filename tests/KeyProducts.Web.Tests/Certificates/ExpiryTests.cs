using System.Text.Json;
using KeyProducts.Core.Recognition;
using KeyProducts.Web.Features.Certificates;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Tests.Certificates;

/// <summary>Moves the clock forward, so it has its own app.</summary>
[LongRunning(20)]
public sealed class ExpiryTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static async Task<string?> StatusAsync(TestClient c, string url) =>
        JsonDocument
            .Parse(await (await c.GetAsync(url)).Content.ReadAsStringAsync())
            .RootElement.GetProperty("status")
            .GetString();

    private async Task<string> SerialAsync(Func<IQueryable<CertificateView>, IQueryable<CertificateView>> pick) =>
        await app.WithDbAsync(db => pick(new CertificateQueries(db).Views()).Select(c => c.Serial).FirstAsync());

    [Fact]
    public async Task A_recognition_expires_by_itself_at_the_end_of_its_validity()
    {
        var serial = await SerialAsync(q =>
            q.Where(c => c.Year == 2025 && !c.Superseded && c.Kind == CertificateKind.Standard)
        );
        var validTo = await app.WithDbAsync(db =>
            new CertificateQueries(db).Views().Where(c => c.Serial == serial).Select(c => c.ValidTo).FirstAsync()
        );
        using var first = TestClient.Anonymous(app);
        Assert.Equal("valid", await StatusAsync(first, "/api/v1/certificates/" + serial));
        app.Clock.SetUtcNow(Core.Common.VietnamTime.EndOfDayUtc(validTo).AddMinutes(-1));
        using var c = TestClient.Anonymous(app);
        Assert.Equal("valid", await StatusAsync(c, "/api/v1/certificates/" + serial + "?at=last-minute"));
        app.Clock.SetUtcNow(Core.Common.VietnamTime.EndOfDayUtc(validTo).AddMinutes(1));
        Assert.Equal("expired", await StatusAsync(c, "/api/v1/certificates/" + serial + "?at=next-day"));
    }
}
