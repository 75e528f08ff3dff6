using System.Diagnostics;
using System.Net;
using System.Text.Json;
using KeyProducts.Core.Recognition;
using KeyProducts.Web.Data;
using KeyProducts.Web.Data.Seed;
using KeyProducts.Web.Features.Certificates;
using KeyProducts.Web.Infrastructure.Nodes;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace KeyProducts.Web.Tests.Foundation;

/// <summary>Two app nodes on one database: a cookie and an antiforgery token written by one node are read by the other
/// (the data-protection key ring lives in the database), and a change made on one node evicts the other's output cache
/// (PostgreSQL LISTEN/NOTIFY).</summary>
public sealed class NodesTests : IDisposable
{
    private static readonly Dictionary<string, string> Notifications = new()
    {
        ["Cluster:CacheNotifications"] = "true",
    };
    private readonly AppFactory _a = new() { Settings = Notifications };
    private readonly AppFactory _b;

    public NodesTests() => _b = new AppFactory { NodeOf = _a, Settings = Notifications };

    public void Dispose()
    {
        _b.Dispose();
        _a.Dispose();
    }

    /// <summary>Two clients, one per node, sharing one cookie jar: a browser whose requests the proxy spreads over
    /// both.</summary>
    private (TestClient A, TestClient B) Browser()
    {
        var jar = new CookieContainer();
        var uri = new Uri("http://localhost");
        return (
            new TestClient(_a.CreateDefaultClient(uri, new CookieContainerHandler(jar))),
            new TestClient(_b.CreateDefaultClient(uri, new CookieContainerHandler(jar)))
        );
    }

    [Fact]
    public async Task A_sign_in_form_from_one_node_is_posted_to_the_other_and_both_nodes_read_the_cookie()
    {
        var (a, b) = Browser();
        using (a)
        using (b)
        {
            var form = await a.GetHtmlAsync("/Account/Login");
            var token = TestClient.AntiforgeryToken(form)!;
            var signIn = await b.PostWithTokenAsync(
                "/Account/Login",
                token,
                new()
                {
                    ["Input.Email"] = AccountsSeeder.EnterpriseEmail,
                    ["Input.Password"] = AccountsSeeder.DemoPassword,
                }
            );
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

            Assert.Equal(HttpStatusCode.OK, (await a.GetAsync("/Portal")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await b.GetAsync("/Portal")).StatusCode);

            // A third node started later (a restart) still reads the cookie: the keys are in the database, not in a
            // process.
            using var c = new AppFactory { NodeOf = _a };
            var jarless = new TestClient(c.CreateDefaultClient(new Uri("http://localhost")));
            var cookies = string.Join("; ", signIn.Headers.GetValues("Set-Cookie").Select(h => h.Split(';')[0]));
            jarless.Http.DefaultRequestHeaders.Add("Cookie", cookies);
            Assert.Equal(HttpStatusCode.OK, (await jarless.GetAsync("/Portal")).StatusCode);
            jarless.Dispose();
        }

        // The ring each node uses is the one in the database.
        foreach (var node in new[] { _a, _b })
            Assert.IsType<EntityFrameworkCoreXmlRepository<AppDbContext>>(
                node.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository
            );
        var stored = await _a.WithDbAsync(db => db.DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync());
        Assert.NotEmpty(stored);
        var used = _b
            .Services.GetRequiredService<IKeyManager>()
            .GetAllKeys()
            .Select(k => "key-" + k.KeyId.ToString("D"))
            .ToList();
        Assert.All(used, k => Assert.Contains(k, stored));
        Assert.Empty(_a.Logs.Errors);
        Assert.Empty(_b.Logs.Errors);
    }

    [Fact]
    public async Task A_revocation_on_one_node_shows_on_the_other_within_five_seconds()
    {
        if (!AppFactory.IsPostgres)
        {
            // SQLite is one node: nothing to tell, and nothing listens.
            Assert.False(_a.Services.GetRequiredService<ClusterCacheNotifications>().Enabled);
            return;
        }
        var ids = await _a.WithDbAsync(db =>
            new CertificateQueries(db)
                .Views()
                .Where(c =>
                    c.Year == 2025 && !c.Superseded && c.RevokedAt == null && c.Kind == CertificateKind.Standard
                )
                .OrderBy(c => c.Id)
                .Select(c => new
                {
                    c.Serial,
                    c.RecognitionId,
                    c.ProductId,
                })
                .FirstAsync()
        );
        await WaitAsync(() =>
            _a.Services.GetRequiredService<ClusterCacheNotifications>().Listening
            && _b.Services.GetRequiredService<ClusterCacheNotifications>().Listening
        );
        using var anonymousB = TestClient.Anonymous(_b);
        var url = "/api/v1/certificates/" + Uri.EscapeDataString(ids.Serial);
        Assert.Equal("valid", await StatusAsync(anonymousB, url));

        // B really answers from its cache: a change that bypasses the app is not seen.
        await _a.WithDbAsync(db =>
            db.Products.Where(p => p.Id == ids.ProductId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Model, "ĐÃ-ĐỔI"))
        );
        var cached = await anonymousB.GetAsync(url);
        Assert.True(cached.Headers.Age is not null, "the second answer comes from B's output cache");

        var kpisOfB = _b.Services.GetRequiredService<KeyProducts.Web.Features.Program.KpiCache>();
        var generationOfB = kpisOfB.Generation;
        using var officer = await TestClient.LoggedInAsync(_a, AccountsSeeder.OfficerEmail);
        var revoked = await officer.PostFormAsync(
            "/Secretariat/Certificates",
            "/Secretariat/Certificates?handler=Revoke",
            new()
            {
                ["Revocation.RecognitionId"] = ids.RecognitionId.ToString(
                    System.Globalization.CultureInfo.InvariantCulture
                ),
                ["Revocation.Reason"] = "Gian lận số liệu",
                ["Revocation.Document"] = "3333/QĐ-UBND",
            }
        );
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var clock = Stopwatch.StartNew();
        string status;
        do status = await StatusAsync(anonymousB, url);
        while (status != "revoked" && clock.Elapsed < TimeSpan.FromSeconds(5) && await Delay());
        Assert.Equal("revoked", status);
        Assert.True(_b.Services.GetRequiredService<ClusterCacheNotifications>().Received > 0);
        // The KPI figures and the officers' certificate counts cached on B move on too (they read recognitions).
        clock.Restart();
        while (kpisOfB.Generation == generationOfB && clock.Elapsed < TimeSpan.FromSeconds(5))
            await Task.Delay(50);
        Assert.True(kpisOfB.Generation > generationOfB, "B's KPI cache was not told about the revocation");
        Assert.Empty(_a.Logs.Errors);
        Assert.Empty(_b.Logs.Errors);
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(50);
        return true;
    }

    private static async Task<string> StatusAsync(TestClient c, string url)
    {
        var r = await c.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using var json = JsonDocument.Parse(await r.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("status").GetString()!;
    }

    private static async Task WaitAsync(Func<bool> condition)
    {
        var clock = Stopwatch.StartNew();
        while (!condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(20))
                throw new TimeoutException("the nodes did not start listening");
            await Task.Delay(50);
        }
    }
}

/// <summary>With DataProtection:CertificateFile the keys in the database are encrypted, and every node holding the
/// certificate
/// reads what another protected.</summary>
public sealed class EncryptedKeyRingTests
{
    [Fact]
    public async Task Keys_are_stored_encrypted_and_a_second_node_unprotects_what_the_first_protected()
    {
        var pfx = Path.Combine(Path.GetTempPath(), $"kp-dp-{Guid.NewGuid():N}.pfx");
        using (var rsa = System.Security.Cryptography.RSA.Create(2048))
        {
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest(
                "CN=KeyProducts data protection",
                rsa,
                System.Security.Cryptography.HashAlgorithmName.SHA256,
                System.Security.Cryptography.RSASignaturePadding.Pkcs1
            );
            using var cert = request.CreateSelfSigned(
                DateTimeOffset.UtcNow.AddDays(-1),
                DateTimeOffset.UtcNow.AddYears(1)
            );
            await File.WriteAllBytesAsync(
                pfx,
                cert.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx, "mat-khau")
            );
        }
        var settings = new Dictionary<string, string>
        {
            ["DataProtection:CertificateFile"] = pfx,
            ["DataProtection:CertificatePassword"] = "mat-khau",
        };
        using var a = new AppFactory { Settings = settings };
        using var b = new AppFactory { NodeOf = a, Settings = settings };
        try
        {
            // A new key (the app's clock is the test's fake one), stored encrypted; the second node decrypts it with
            // the certificate.
            var now = a.Clock.GetUtcNow();
            var key = a.Services.GetRequiredService<IKeyManager>().CreateNewKey(now.AddMinutes(-1), now.AddDays(90));
            var xml = await a.WithDbAsync(db =>
                db.DataProtectionKeys.Where(k => k.FriendlyName == "key-" + key.KeyId.ToString("D"))
                    .Select(k => k.Xml)
                    .SingleAsync()
            );
            Assert.Contains("encryptedSecret", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", xml, StringComparison.Ordinal);
            Assert.NotNull(
                b.Services.GetRequiredService<IKeyManager>().GetAllKeys().Single(k => k.KeyId == key.KeyId).Descriptor
            );

            var secret = a
                .Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>()
                .CreateProtector("test")
                .Protect("bí mật");
            Assert.Equal(
                "bí mật",
                b.Services.GetRequiredService<Microsoft.AspNetCore.DataProtection.IDataProtectionProvider>()
                    .CreateProtector("test")
                    .Unprotect(secret)
            );
        }
        finally
        {
            File.Delete(pfx);
        }
    }
}

/// <summary>Forwarded headers are trusted only from the configured proxies; a malformed one stops the start.</summary>
public sealed class ForwardedHeadersTests
{
    [Fact]
    public void Known_proxies_and_networks_come_from_configuration()
    {
        using var f = new AppFactory
        {
            Settings = new()
            {
                ["ForwardedHeaders:KnownProxies:0"] = "10.0.0.5",
                ["ForwardedHeaders:KnownNetworks:0"] = "192.168.10.0/24",
            },
        };
        var o = f.Services.GetRequiredService<IOptions<ForwardedHeadersOptions>>().Value;
        Assert.Equal([IPAddress.Parse("10.0.0.5")], o.KnownProxies);
        Assert.Equal([System.Net.IPNetwork.Parse("192.168.10.0/24")], o.KnownIPNetworks);
    }

    [Fact]
    public void A_malformed_proxy_address_stops_the_start_with_the_setting_named()
    {
        using var f = new AppFactory { Settings = new() { ["ForwardedHeaders:KnownNetworks:0"] = "10.0.0.0/99" } };
        var ex = Record.Exception(() => f.Services);
        Assert.NotNull(ex);
        Assert.Contains("ForwardedHeaders:KnownNetworks", ex.ToString(), StringComparison.Ordinal);
    }
}
