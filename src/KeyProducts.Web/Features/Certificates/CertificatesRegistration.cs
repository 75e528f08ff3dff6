namespace KeyProducts.Web.Features.Certificates;

public static class CertificatesRegistration
{
    /// <summary>Recognition decisions, certificates and their verification. Outside Development a configured signing
    /// key
    /// is required: the app refuses to start rather than sign with a key nobody published.</summary>
    public static IServiceCollection AddCertificates(
        this IServiceCollection services,
        IConfiguration cfg,
        IHostEnvironment env
    )
    {
        var options = cfg.GetSection("Signing").Get<SigningOptions>() ?? new SigningOptions();
        var path = Path.GetFullPath(options.KeyFile, env.ContentRootPath);
        if (!env.IsDevelopment() && !File.Exists(path))
            throw new InvalidOperationException(
                $"Signing key not found at '{path}'. Configure Signing:KeyFile with an ECDSA P-256 PEM key (outside "
                    + $"the repository)."
            );
        services.AddSingleton(_ => new CertificateSigner(path, mayGenerate: env.IsDevelopment()));
        services.AddScoped<CertificateQueries>();
        services.AddScoped<VerifyCertificate>();
        services.AddScoped<IssueCertificates>();
        services.AddScoped<ReissueCertificate>();
        services.AddScoped<RevokeRecognition>();
        services.AddScoped<RecordRecognitionDecision>();
        services.AddSingleton<CertificatePdf>();
        services.AddScoped<CertificateAccess>();
        return services;
    }

    /// <summary>The site's public address for QR codes: Site:PublicUrl when set (behind a proxy), else the
    /// request's.</summary>
    public static string PublicBaseUrl(HttpContext ctx) =>
        ctx.RequestServices.GetRequiredService<IConfiguration>()["Site:PublicUrl"] is { Length: > 0 } url
            ? url
            : $"{ctx.Request.Scheme}://{ctx.Request.Host}";
}
