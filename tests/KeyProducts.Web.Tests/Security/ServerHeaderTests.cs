using KeyProducts.Web.Tests.Infrastructure;

namespace KeyProducts.Web.Tests.Security;

/// <summary>The app on a real Kestrel port: the Server header is only visible there.</summary>
public sealed class KestrelFactory : AppFactory
{
    public KestrelFactory() => UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
}

public sealed class ServerHeaderTests(KestrelFactory app) : IClassFixture<KestrelFactory>
{
    [Fact]
    public async Task Kestrel_does_not_announce_itself()
    {
        app.StartServer();
        using var http = new HttpClient { BaseAddress = app.ClientOptions.BaseAddress };
        var r = await http.GetAsync(new Uri("/", UriKind.Relative));
        Assert.True(r.IsSuccessStatusCode);
        Assert.Empty(r.Headers.Server);
        Assert.False(r.Headers.Contains("Server"));
    }
}
