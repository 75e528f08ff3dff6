using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using KeyProducts.Core.Recognition;
using KeyProducts.Web.Data;
using KeyProducts.Web.Data.Seed;
using KeyProducts.Web.Features.Certificates;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KeyProducts.Web.Tests.Certificates;

/// <summary>Certificate statuses, signed QR payloads, reissue, revocation, downloads and cache invalidation.</summary>
public sealed class CertificateTests(AppFactory app) : IClassFixture<AppFactory>
{
    private async Task<string> SerialAsync(Func<IQueryable<CertificateView>, IQueryable<CertificateView>> pick) =>
        await app.WithDbAsync(db => pick(new CertificateQueries(db).Views()).Select(c => c.Serial).FirstAsync());

    private async Task<string> QrPayloadAsync(string serial)
    {
        using var scope = app.Services.CreateScope();
        var view = (
            await scope
                .ServiceProvider.GetRequiredService<CertificateQueries>()
                .BySerialAsync(serial, CancellationToken.None)
        )!;
        return scope.ServiceProvider.GetRequiredService<CertificatePdf>().QrPayload(view, "https://spcncl.example.vn");
    }

    private async Task<JsonElement> CertificateAsync(string serial)
    {
        using var c = TestClient.Anonymous(app);
        var r = await c.GetAsync("/api/v1/certificates/" + Uri.EscapeDataString(serial));
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        return JsonDocument.Parse(await r.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task Certificates_report_valid_expired_revoked_superseded_and_unknown()
    {
        var valid = await SerialAsync(q => q.Where(c => c.Year == 2025 && !c.Superseded && c.RevokedAt == null));
        var expired = await SerialAsync(q => q.Where(c => c.Year == 2021));
        var revoked = await SerialAsync(q => q.Where(c => c.RevokedAt != null));
        var superseded = await SerialAsync(q => q.Where(c => c.Superseded));
        Assert.Equal("valid", (await CertificateAsync(valid)).GetProperty("status").GetString());
        Assert.Equal("expired", (await CertificateAsync(expired)).GetProperty("status").GetString());
        var r = await CertificateAsync(revoked);
        Assert.Equal("revoked", r.GetProperty("status").GetString());
        Assert.False(string.IsNullOrEmpty(r.GetProperty("revocationReason").GetString()));
        Assert.Equal("superseded", (await CertificateAsync(superseded)).GetProperty("status").GetString());
        using var c = TestClient.Anonymous(app);
        Assert.Equal(HttpStatusCode.NotFound, (await c.GetAsync("/api/v1/certificates/SPCNCL-1999-9999")).StatusCode);
        var html = await c.GetHtmlAsync("/Public/Verify?serial=" + revoked);
        Assert.Contains("Công nhận đã bị thu hồi.", html);
        Assert.Contains("1187/QĐ-UBND", html);
    }

    [Fact]
    public async Task A_qr_payload_verifies_with_only_the_published_jwks()
    {
        var serial = await SerialAsync(q => q.Where(c => c.Year == 2023 && c.Kind == CertificateKind.Top10));
        var url = await QrPayloadAsync(serial);
        Assert.StartsWith("https://spcncl.example.vn/Public/Verify?p=", url);
        var jws = url[(url.IndexOf("p=", StringComparison.Ordinal) + 2)..];

        using var c = TestClient.Anonymous(app);
        var jwks = JsonDocument
            .Parse(await c.Http.GetStringAsync(new Uri("/.well-known/jwks.json", UriKind.Relative)))
            .RootElement;
        var key = jwks.GetProperty("keys")[0];
        Assert.Equal("ES256", key.GetProperty("alg").GetString());

        // Independent check: RFC 7515 compact JWS, ES256 = ECDSA P-256 + SHA-256, signature as r||s.
        static byte[] B64(string s)
        {
            var b = s.Replace('-', '+').Replace('_', '/');
            return Convert.FromBase64String(b.PadRight(b.Length + (4 - b.Length % 4) % 4, '='));
        }
        using var ecdsa = ECDsa.Create(
            new ECParameters
            {
                Curve = ECCurve.NamedCurves.nistP256,
                Q = new ECPoint
                {
                    X = B64(key.GetProperty("x").GetString()!),
                    Y = B64(key.GetProperty("y").GetString()!),
                },
            }
        );
        var parts = jws.Split('.');
        Assert.Equal(
            key.GetProperty("kid").GetString(),
            JsonDocument.Parse(B64(parts[0])).RootElement.GetProperty("kid").GetString()
        );
        Assert.True(
            ecdsa.VerifyData(
                Encoding.ASCII.GetBytes(parts[0] + "." + parts[1]),
                B64(parts[2]),
                HashAlgorithmName.SHA256
            )
        );
        var claims = JsonDocument.Parse(B64(parts[1])).RootElement;
        Assert.Equal(serial, claims.GetProperty("sn").GetString());
        Assert.Equal(2023, claims.GetProperty("yr").GetInt32());

        // A changed claim breaks the signature, for the independent check and for the API alike.
        var forged = Convert
            .ToBase64String(
                Encoding.UTF8.GetBytes(claims.GetRawText().Replace("2023", "2025", StringComparison.Ordinal))
            )
            .TrimEnd('=')
            .Replace('+', '-')
            .Replace('/', '_');
        Assert.False(
            ecdsa.VerifyData(Encoding.ASCII.GetBytes(parts[0] + "." + forged), B64(parts[2]), HashAlgorithmName.SHA256)
        );

        var ok = await (
            await c.Http.PostAsJsonAsync(
                new Uri("/api/v1/certificates/verify", UriKind.Relative),
                new { payload = url }
            )
        ).Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(ok.GetProperty("signatureValid").GetBoolean());
        Assert.Equal(serial, ok.GetProperty("serial").GetString());
        var bad = await c.Http.PostAsJsonAsync(
            new Uri("/api/v1/certificates/verify", UriKind.Relative),
            new { payload = parts[0] + "." + forged + "." + parts[2] }
        );
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var badBody = await bad.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(badBody.GetProperty("signatureValid").GetBoolean());
        foreach (var junk in new[] { "", "abc", "a.b.c", "....", new string('x', 10000), "<script>alert(1)</script>" })
        {
            var j = await c.Http.PostAsJsonAsync(
                new Uri("/api/v1/certificates/verify", UriKind.Relative),
                new { payload = junk }
            );
            Assert.Equal(HttpStatusCode.OK, j.StatusCode);
            Assert.False((await j.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("signatureValid").GetBoolean());
        }
        var html = await c.GetHtmlAsync(
            "/Public/Verify?p=" + Uri.EscapeDataString(parts[0] + "." + forged + "." + parts[2])
        );
        Assert.Contains("data-outcome=\"forged\"", html);
    }

    [Fact]
    public async Task Issuing_twice_issues_nothing_new_and_a_top10_recognition_gets_two_certificates()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var decision = await db.RecognitionDecisions.OrderBy(d => d.Id).FirstAsync();
        var product = await db.Products.Where(p => !db.Recognitions.Any(r => r.ProductId == p.Id)).FirstAsync();
        db.Recognitions.Add(
            new Recognition
            {
                DecisionId = decision.Id,
                ProductId = product.Id,
                EnterpriseId = product.EnterpriseId,
                Year = 2021,
                Top10 = true,
                ValidFrom = decision.Date,
                ValidTo = decision.Date.AddYears(3),
            }
        );
        await db.SaveChangesAsync();
        var issue = scope.ServiceProvider.GetRequiredService<IssueCertificates>();
        Assert.Equal(2, await issue.RunAsync(decision.Id, CancellationToken.None));
        Assert.Equal(0, await issue.RunAsync(decision.Id, CancellationToken.None));
        var serials = await db
            .Certificates.Where(c => db.Recognitions.Any(r => r.Id == c.RecognitionId && r.ProductId == product.Id))
            .Select(c => c.Serial)
            .ToListAsync();
        Assert.Contains(serials, s => s.StartsWith("TOP10-2021-", StringComparison.Ordinal));
        Assert.Contains(serials, s => s.StartsWith("GCN-2021-", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_officer_reissues_and_revokes_and_the_public_sees_it_at_once()
    {
        var serial = await SerialAsync(q =>
            q.Where(c => c.Year == 2025 && !c.Superseded && c.RevokedAt == null && c.Kind == CertificateKind.Standard)
                .OrderByDescending(c => c.Id)
        );
        var ids = await app.WithDbAsync(db =>
            new CertificateQueries(db)
                .Views()
                .Where(c => c.Serial == serial)
                .Select(c => new
                {
                    c.Id,
                    c.ProductId,
                    c.RecognitionId,
                })
                .FirstAsync()
        );
        var (certId, productId, recognitionId) = (ids.Id, ids.ProductId, ids.RecognitionId);
        using var anon = TestClient.Anonymous(app);
        var before = await anon.Http.GetStringAsync(new Uri($"/api/v1/products/{productId}", UriKind.Relative));
        Assert.Contains("\"status\":\"valid\"", before);

        // A change that bypasses the app is not seen while cached: the page really is cached.
        await app.WithDbAsync(db =>
            db.Products.Where(p => p.Id == productId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Model, "ĐÃ-ĐỔI"))
        );
        Assert.DoesNotContain(
            "ĐÃ-ĐỔI",
            await anon.Http.GetStringAsync(new Uri($"/api/v1/products/{productId}", UriKind.Relative))
        );

        using var officer = await TestClient.LoggedInAsync(app, AccountsSeeder.OfficerEmail);
        var reissued = await officer.PostFormAsync(
            "/Secretariat/Certificates",
            "/Secretariat/Certificates?handler=Reissue",
            new() { ["id"] = certId.ToString(System.Globalization.CultureInfo.InvariantCulture) }
        );
        Assert.Equal(HttpStatusCode.Redirect, reissued.StatusCode);
        Assert.Equal("superseded", (await CertificateAsync(serial)).GetProperty("status").GetString());

        var empty = await officer.PostFormAsync(
            "/Secretariat/Certificates",
            "/Secretariat/Certificates?handler=Revoke",
            new()
            {
                ["Revocation.RecognitionId"] = recognitionId.ToString(
                    System.Globalization.CultureInfo.InvariantCulture
                ),
                ["Revocation.Reason"] = "",
                ["Revocation.Document"] = "",
            }
        );
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("Cần nêu lý do thu hồi.", WebUtility.HtmlDecode(await empty.Content.ReadAsStringAsync()));

        var revoked = await officer.PostFormAsync(
            "/Secretariat/Certificates",
            "/Secretariat/Certificates?handler=Revoke",
            new()
            {
                ["Revocation.RecognitionId"] = recognitionId.ToString(
                    System.Globalization.CultureInfo.InvariantCulture
                ),
                ["Revocation.Reason"] = "Gian lận số liệu doanh thu",
                ["Revocation.Document"] = "2222/QĐ-UBND",
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);

        var after = await anon.Http.GetStringAsync(new Uri($"/api/v1/products/{productId}", UriKind.Relative));
        Assert.Contains("ĐÃ-ĐỔI", after);
        Assert.Contains("Gian lận số liệu doanh thu", after);
        var page = await anon.GetHtmlAsync($"/Public/Products/{productId}");
        Assert.Contains("2222/QĐ-UBND", page);
    }

    [Fact]
    public async Task An_enterprise_downloads_its_own_certificates_only()
    {
        using var owner = await TestClient.LoggedInAsync(app, AccountsSeeder.EnterpriseEmail);
        var list = await owner.GetHtmlAsync("/Portal/Certificates");
        Assert.Contains("Cáp điện lực hạ thế", list);
        var (mine, theirs) = await app.WithDbAsync(async db =>
        {
            var first = await db.Enterprises.OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
            var v = new CertificateQueries(db).Views();
            return (
                await v.Where(c => c.EnterpriseId == first).Select(c => c.Id).FirstAsync(),
                await v.Where(c => c.EnterpriseId != first).Select(c => c.Id).FirstAsync()
            );
        });
        var pdf = await owner.GetAsync($"/Portal/Certificates?handler=Download&id={mine}");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var bytes = await pdf.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF", Encoding.ASCII.GetString(bytes, 0, 4));
        var dir = Environment.GetEnvironmentVariable("TEST_ARTIFACTS")
            ?? Path.Combine(AppContext.BaseDirectory, "test-artifacts");
        Directory.CreateDirectory(dir);
        await File.WriteAllBytesAsync(Path.Combine(dir, "certificate.pdf"), bytes);

        Assert.Equal(
            HttpStatusCode.NotFound,
            (await owner.GetAsync($"/Portal/Certificates?handler=Download&id={theirs}")).StatusCode
        );
        using var anon = TestClient.Anonymous(app);
        Assert.NotEqual(
            HttpStatusCode.OK,
            (await anon.GetAsync($"/Portal/Certificates?handler=Download&id={mine}")).StatusCode
        );
    }
}
