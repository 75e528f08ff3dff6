using KeyProducts.Web.Api.V1;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features;
using KeyProducts.Web.Features.Certificates;
using KeyProducts.Web.Infrastructure.Audit;
using KeyProducts.Web.Infrastructure.Localization;
using KeyProducts.Web.Infrastructure.Mail;
using KeyProducts.Web.Infrastructure.Nodes;
using KeyProducts.Web.Infrastructure.Security;
using KeyProducts.Web.Infrastructure.Storage;
using KeyProducts.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Scalar.AspNetCore;

namespace KeyProducts.Web;

/// <summary>Composition of the application: services, then the request pipeline.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddKeyProducts(
        this IServiceCollection services,
        IConfiguration cfg,
        IWebHostEnvironment env
    )
    {
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();
        services.AddScoped<AuditRecorder>();
        services.AddAppDatabase(cfg, env);
        services.AddSingleton<
            Microsoft.Extensions.Options.IValidateOptions<DatabaseOptions>,
            DatabaseOptionsValidator
        >();
        services.AddOptions<DatabaseOptions>().Bind(cfg.GetSection("Database")).ValidateOnStart();

        services
            .AddIdentity<ApplicationUser, IdentityRole>(o =>
            {
                // Length and the common-password list matter; composition rules push people to "Password1234".
                o.Password.RequiredLength = CommonPasswords.MinimumLength;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireDigit = false;
                // Failed sign-ins lock a client out of an account (SignInThrottle), not the account itself.
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddErrorDescriber<VietnameseIdentityErrors>();
        services.Configure<SecurityOptions>(cfg.GetSection("Security"));
        services.AddMemoryCache();
        services.AddSingleton<SignInThrottle>();
        services.AddAppRateLimits(cfg);
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o =>
            o.AddServerHeader = false
        );
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/Account/Login";
            o.LogoutPath = "/Account/Logout";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.Cookie.Name = ".KeyProducts.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
            o.Events.OnValidatePrincipal = SessionValidator.ValidateAsync;
        });
        services
            .AddAuthorizationBuilder()
            .SetFallbackPolicy(
                new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build()
            )
            .AddPolicy(Policies.Enterprise, p => p.RequireRole(Roles.Enterprise))
            .AddPolicy(Policies.Officer, p => p.RequireRole(Roles.Officer, Roles.Admin))
            .AddPolicy(Policies.Council, p => p.RequireRole(Roles.CouncilMember))
            .AddPolicy(Policies.Leader, p => p.RequireRole(Roles.Leader, Roles.Officer, Roles.Admin))
            .AddPolicy(Policies.Admin, p => p.RequireRole(Roles.Admin));

        services.AddSingleton<TranslationTable>();
        services.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        services.AddSingleton(typeof(IStringLocalizer<>), typeof(StringLocalizer<>));
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture(AppCultures.Format, AppCultures.UiCultures[0]);
            o.SupportedCultures = [AppCultures.Format];
            o.SupportedUICultures = AppCultures.UiCultures;
            o.RequestCultureProviders = [new UiCultureProvider()];
        });

        services
            .AddRazorPages(o =>
            {
                o.Conventions.AuthorizeFolder("/Portal", Policies.Enterprise);
                o.Conventions.AuthorizeFolder("/Secretariat", Policies.Officer);
                o.Conventions.AuthorizeFolder("/Council", Policies.Council);
                o.Conventions.AuthorizeFolder("/Leaders", Policies.Leader);
                o.Conventions.AuthorizeFolder("/Admin", Policies.Admin);
                o.Conventions.AllowAnonymousToFolder("/Public");
                o.Conventions.AllowAnonymousToPage("/Index");
                o.Conventions.AllowAnonymousToPage("/Error");
                o.Conventions.AllowAnonymousToPage("/Account/Login");
                o.Conventions.AllowAnonymousToPage("/Account/ForgotPassword");
                o.Conventions.AllowAnonymousToPage("/Account/ResetPassword");
                o.Conventions.AllowAnonymousToPage("/Account/AccessDenied");
                o.Conventions.AllowAnonymousToFolder("/Account/Register");
            })
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o =>
                o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(SharedResource))
            )
            .AddMvcOptions(o =>
            {
                LocalizedBindingMessages.Apply(o.ModelBindingMessageProvider);
                o.ModelBinderProviders.Insert(0, new Infrastructure.Web.DateOnlyModelBinderProvider());
                o.ModelBinderProviders.Insert(0, new Infrastructure.Web.BooleanModelBinderProvider());
                o.ModelBinderProviders.Insert(0, new Infrastructure.Web.BidiStrippingModelBinderProvider());
            });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = ".KeyProducts.Antiforgery";
            o.HeaderName = "X-CSRF-TOKEN";
        });
        services.Configure<ApiBehaviorOptions>(o => o.SuppressMapClientErrors = false);
        services.AddProblemDetails();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer(
                (doc, _, _) =>
                {
                    doc.Info.Title = "KeyProducts API — Sản phẩm công nghiệp chủ lực";
                    doc.Info.Version = "v1";
                    doc.Info.Description =
                        "Public, read-only data of the key industrial products program, and authenticated endpoints "
                        + "for its users.";
                    return Task.CompletedTask;
                }
            ));

        services.Configure<SmtpOptions>(cfg.GetSection("Smtp"));
        services.AddScoped<MailOutbox>();
        services.AddSingleton<OutboxSender>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxSender>());
        services.Configure<StorageOptions>(cfg.GetSection("Storage"));
        services.AddSingleton<IFileStorage, LocalFileStorage>();
        services.AddSingleton<OrphanFileSweeper>();
        services.AddScoped<Infrastructure.Operations.BackupArchive>();
        services.AddHostedService(sp => sp.GetRequiredService<OrphanFileSweeper>());
        // Development's default throws on unreadable API input (bad JSON, a missing body, "abc" for an int): the client
        // gets 400
        // but the log shows an unhandled error and a 500. Answer 400 in every environment; the status-code pages give
        // the ProblemDetails.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        services.Configure<HealthOptions>(cfg.GetSection("Health"));
        services
            .AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: ["ready"])
            .AddCheck<OutboxHealthCheck>("outbox", tags: ["ready"])
            .AddCheck<Infrastructure.Nodes.ClusterHealthCheck>("cache-notifications", tags: ["ready"]);
        services.AddNodes(cfg);
        services.AddObservability(cfg);

        services.AddFeatures();
        services.AddCertificates(cfg, env);
        return services;
    }

    public static WebApplication UseKeyProducts(this WebApplication app)
    {
        // Trusted proxies come from ForwardedHeaders:KnownProxies / KnownNetworks (NodeRegistration).
        app.UseForwardedHeaders();
        app.UseExceptionHandler(
            new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/Error",
                // A rule refusal that reaches the error page is answered 400 with its localized text: not a server
                // error to log.
                SuppressDiagnosticsCallback = c => c.Exception is Core.Common.DomainException,
            }
        );
        app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
        if (!app.Environment.IsDevelopment())
            app.UseHsts();
        app.UseMiddleware<SecurityHeaders>();
        app.UseSerilogRequestLoggingSafe();
        app.UseRequestLocalization();
        app.UseMiddleware<RequestFaults>();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<StaffTwoFactorGate>();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.UseOutputCache();

        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
        app.MapHealthChecks("/healthz").AllowAnonymous();
        // Liveness: the process answers (no dependency checked, so a database outage does not get the node restarted).
        app.MapHealthChecks(
                "/health/live",
                new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { Predicate = _ => false }
            )
            .AllowAnonymous();
        // Readiness: the database answers and its migrations are applied; a proxy sends no traffic to a node that is
        // not ready.
        // The oldest unsent mail and the cache notifications only degrade it (still 200); the JSON body says why.
        app.MapHealthChecks(
                "/health/ready",
                new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions
                {
                    Predicate = c => c.Tags.Contains("ready"),
                    ResponseWriter = HealthResponse.WriteAsync,
                }
            )
            .AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapScalarApiReference().AllowAnonymous();
        app.MapCultureSwitch();
        app.MapApiV1();
        // Unknown URLs are a plain 404 for everyone (not a login redirect), rendered by the error page.
        app.MapFallback("{*path}", ctx =>
            {
                ctx.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            })
            .AllowAnonymous();
        return app;
    }

    private static Task ApiAwareRedirect(
        Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx,
        int status
    )
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

public static class Policies
{
    public const string Enterprise = "Enterprise";
    public const string Officer = "Officer";
    public const string Council = "Council";
    public const string Leader = "Leader";
    public const string Admin = "Admin";
}
