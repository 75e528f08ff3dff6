using System.Net;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace KeyProducts.Web.Tests.Security;

/// <summary>The app where a test can say which address a request comes from (X-Test-Client), to act as several
/// clients.</summary>
public class ClientAddressFactory : AppFactory
{
    public const string Header = "X-Test-Client";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(s => s.AddSingleton<IStartupFilter>(new ClientAddressFromHeader()));
    }

    public TestClient ClientFrom(string address)
    {
        var c = TestClient.Anonymous(this);
        c.Http.DefaultRequestHeaders.Add(Header, address);
        return c;
    }

    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) =>
            app =>
            {
                app.Use(
                    (ctx, nextMiddleware) =>
                    {
                        if (ctx.Request.Headers[Header] is [{ } ip])
                            ctx.Connection.RemoteIpAddress = IPAddress.Parse(ip);
                        return nextMiddleware(ctx);
                    }
                );
                next(app);
            };
    }
}

/// <summary>The same, with the rate limits on and low.</summary>
public sealed class RateLimitedFactory : ClientAddressFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("RateLimits:Enabled", "true");
        builder.UseSetting("RateLimits:SignIn:PermitLimit", "3");
        builder.UseSetting("RateLimits:Search:PermitLimit", "3");
        builder.UseSetting("RateLimits:Verify:PermitLimit", "3");
        builder.UseSetting("RateLimits:Lookup:PermitLimit", "3");
    }
}
