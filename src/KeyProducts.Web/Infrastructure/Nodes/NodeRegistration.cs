using System.Net;
using KeyProducts.Web.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.HttpOverrides;

namespace KeyProducts.Web.Infrastructure.Nodes;

/// <summary>What lets several app nodes serve one database behind a reverse proxy: one data-protection key ring in the
/// database, forwarded headers trusted only from the configured proxies, and the directory cache evicted on every
/// node.</summary>
public static class NodeRegistration
{
    public const string DefaultApplicationName = "KeyProducts";

    public static IServiceCollection AddNodes(this IServiceCollection services, IConfiguration cfg)
    {
        // Every node (and every restart) reads the same key ring from the database, so a cookie or an antiforgery token
        // written by one node is read by the others. The application name isolates the ring from other apps on the same
        // keys.
        var dataProtection = services
            .AddDataProtection()
            .SetApplicationName(
                cfg["DataProtection:ApplicationName"] is { Length: > 0 } name ? name : DefaultApplicationName
            )
            .PersistKeysToDbContext<AppDbContext>();
        // Optional: keys encrypted at rest with a certificate (PFX) every node has; without it they are stored as plain
        // XML,
        // readable by whoever can read the database (and its backups).
        if (cfg["DataProtection:CertificateFile"] is { Length: > 0 } pfx)
        {
            if (!File.Exists(pfx))
                throw new InvalidOperationException($"DataProtection:CertificateFile \"{pfx}\" does not exist.");
            var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                pfx,
                cfg["DataProtection:CertificatePassword"]
            );
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        var forwarded = cfg.GetSection("ForwardedHeaders");
        // a malformed address stops the start with its setting's name
        ConfigureForwardedHeaders(new ForwardedHeadersOptions(), forwarded);
        services.Configure<ForwardedHeadersOptions>(o => ConfigureForwardedHeaders(o, forwarded));

        services.Configure<ClusterOptions>(cfg.GetSection("Cluster"));
        services.AddSingleton<ClusterCacheNotifications>();
        services.AddHostedService(sp => sp.GetRequiredService<ClusterCacheNotifications>());
        return services;
    }

    /// <summary>Forwarded headers (client address and scheme) are taken only from the proxies named in
    /// ForwardedHeaders:KnownProxies (addresses) and ForwardedHeaders:KnownNetworks (CIDR, e.g. 10.0.0.0/24). Without
    /// either,
    /// only loopback is trusted (a proxy on the same machine). The client address is what the rate limits count
    /// by.</summary>
    public static void ConfigureForwardedHeaders(ForwardedHeadersOptions o, IConfigurationSection section)
    {
        o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        var proxies = section.GetSection("KnownProxies").Get<string[]>() ?? [];
        var networks = section.GetSection("KnownNetworks").Get<string[]>() ?? [];
        if (proxies.Length > 0 || networks.Length > 0)
        {
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var p in proxies)
                o.KnownProxies.Add(
                    IPAddress.TryParse(p.Trim(), out var ip)
                        ? ip
                        : throw new InvalidOperationException(
                            $"ForwardedHeaders:KnownProxies has \"{p}\", which is not an IP address."
                        )
                );
            foreach (var n in networks)
                o.KnownIPNetworks.Add(
                    System.Net.IPNetwork.TryParse(n.Trim(), out var net)
                        ? net
                        : throw new InvalidOperationException(
                            $"ForwardedHeaders:KnownNetworks has \"{n}\", which is not a network in CIDR form "
                                + $"(10.0.0.0/24)."
                        )
                );
        }
        if (section.GetValue<int?>("ForwardLimit") is { } limit)
            o.ForwardLimit = limit;
    }
}
