using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace KeyProducts.Web.Infrastructure.Web;

/// <summary>OpenTelemetry traces and metrics (ASP.NET Core, EF Core, Npgsql, HttpClient, runtime), exported by OTLP
/// only when
/// an endpoint is configured: the standard OTEL_EXPORTER_OTLP_ENDPOINT variable (with the other OTEL_* variables), or
/// OpenTelemetry:Endpoint (and OpenTelemetry:Protocol, "grpc" or "http/protobuf").</summary>
public static class Observability
{
    public const string ServiceName = "KeyProducts.Web";

    public static bool Enabled(IConfiguration cfg) =>
        !string.IsNullOrWhiteSpace(cfg["OTEL_EXPORTER_OTLP_ENDPOINT"])
        || !string.IsNullOrWhiteSpace(cfg["OpenTelemetry:Endpoint"]);

    public static IServiceCollection AddObservability(this IServiceCollection services, IConfiguration cfg)
    {
        if (!Enabled(cfg))
            return services;
        var endpoint = cfg["OpenTelemetry:Endpoint"];
        var httpProtobuf = string.Equals(
            cfg["OpenTelemetry:Protocol"],
            "http/protobuf",
            StringComparison.OrdinalIgnoreCase
        );
        void Otlp(OtlpExporterOptions o, string signal)
        {
            if (string.IsNullOrWhiteSpace(endpoint))
                return; // the exporter reads the OTEL_EXPORTER_OTLP_* variables itself
            o.Protocol = httpProtobuf ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
            o.Endpoint = new Uri(httpProtobuf ? endpoint.TrimEnd('/') + "/v1/" + signal : endpoint);
        }
        services
            .AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(cfg["OTEL_SERVICE_NAME"] is { Length: > 0 } name ? name : ServiceName))
            .WithTracing(t =>
                t.AddAspNetCoreInstrumentation(o => o.Filter = ctx => !ctx.Request.Path.StartsWithSegments("/health"))
                    .AddEntityFrameworkCoreInstrumentation()
                    .AddSource("Npgsql")
                    .AddHttpClientInstrumentation()
                    .AddOtlpExporter(o => Otlp(o, "traces"))
            )
            .WithMetrics(m =>
                m.AddAspNetCoreInstrumentation()
                    .AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter("Npgsql")
                    .AddOtlpExporter(o => Otlp(o, "metrics"))
            );
        return services;
    }
}

/// <summary>The "Health" section.</summary>
public sealed class HealthOptions
{
    /// <summary>Readiness reports Degraded when mail has waited longer than this to be sent (SMTP down, a jammed
    /// sender).</summary>
    public int MaxUnsentMailMinutes { get; set; } = 30;
}

/// <summary>Readiness: the age of the oldest mail still waiting to be sent. Degraded (still HTTP 200, so the proxy
/// keeps the
/// node) above Health:MaxUnsentMailMinutes: mail that does not leave is the operator's to look at, not a reason to stop
/// serving pages. Held mail (waiting for staff review) and mail given up on (the administrator's failed-mail view) do
/// not count.</summary>
public sealed class OutboxHealthCheck(
    AppDbContext db,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<HealthOptions> options
) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default
    )
    {
        try
        {
            var oldest = await db
                .Outbox.AsNoTracking()
                .Where(m => m.SentAt == null && !m.Held && m.Attempts < OutboxSender.GiveUpAfter)
                .OrderBy(m => m.Id)
                .Select(m => (DateTimeOffset?)m.CreatedAt)
                .FirstOrDefaultAsync(cancellationToken);
            var failed = await db.Outbox.CountAsync(
                m => m.SentAt == null && m.Attempts >= OutboxSender.GiveUpAfter,
                cancellationToken
            );
            var age = oldest is null ? TimeSpan.Zero : time.GetUtcNow() - oldest.Value;
            var minutes = (int)Math.Max(0, age.TotalMinutes);
            var data = new Dictionary<string, object> { ["oldestUnsentMinutes"] = minutes, ["failed"] = failed };
            var limit = options.Value.MaxUnsentMailMinutes;
            return age > TimeSpan.FromMinutes(limit)
                ? HealthCheckResult.Degraded(
                    $"the oldest unsent mail has waited {minutes} minutes (limit {limit})",
                    data: data
                )
                : HealthCheckResult.Healthy($"the oldest unsent mail has waited {minutes} minutes", data);
        }
        catch (Exception ex)
            when (ex is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
        {
            return HealthCheckResult.Unhealthy("outbox unreadable");
        }
    }
}

public static class HealthResponse
{
    /// <summary>Writes the overall status and each check's status and description as JSON (no exception
    /// detail).</summary>
    public static Task WriteAsync(HttpContext ctx, HealthReport report)
    {
        ctx.Response.ContentType = "application/json; charset=utf-8";
        ctx.Response.Headers.CacheControl = "no-store";
        return ctx.Response.WriteAsJsonAsync(
            new
            {
                status = report.Status.ToString(),
                checks = report.Entries.ToDictionary(
                    e => e.Key,
                    e => new
                    {
                        status = e.Value.Status.ToString(),
                        description = e.Value.Description,
                        data = e.Value.Data,
                    }
                ),
            }
        );
    }
}
