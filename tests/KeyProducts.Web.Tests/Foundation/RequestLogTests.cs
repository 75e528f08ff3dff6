using System.Collections.Concurrent;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Serilog.Core;
using Serilog.Events;

namespace KeyProducts.Web.Tests.Foundation;

/// <summary>The request log writes what an operator needs (errors, refusals, 4xx) and, unless asked, not the answered
/// requests: a cached page served thousands of times a second costs no log work.</summary>
public sealed class RequestLogTests
{
    private sealed class Sink : ILogEventSink
    {
        public ConcurrentQueue<LogEvent> Events { get; } = new();

        public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);
    }

    private sealed class App(Sink sink, string? successLevel) : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            if (successLevel is not null)
                builder.UseSetting("RequestLog:SuccessLevel", successLevel);
            builder.ConfigureTestServices(s => s.AddSingleton<ILogEventSink>(sink));
        }
    }

    private static LogEvent? RequestLine(Sink sink, string path) =>
        sink.Events.LastOrDefault(e =>
            e.MessageTemplate.Text.StartsWith("HTTP ", StringComparison.Ordinal)
            && e.Properties.TryGetValue("RequestPath", out var p)
            && p.ToString() == $"\"{path}\""
        );

    [Fact]
    public async Task Answered_requests_are_not_logged_by_default_while_missing_pages_and_refusals_are()
    {
        var sink = new Sink();
        using var app = new App(sink, null);
        using var c = TestClient.Anonymous(app);
        Assert.Equal(200, (int)(await c.GetAsync("/Public/Directory")).StatusCode);
        Assert.Equal(404, (int)(await c.GetAsync("/khong-co-trang-nay")).StatusCode);
        Assert.Null(RequestLine(sink, "/Public/Directory"));
        Assert.Equal(LogEventLevel.Information, RequestLine(sink, "/khong-co-trang-nay")?.Level);
    }

    [Theory]
    [InlineData("Information", LogEventLevel.Information)]
    [InlineData("warning", LogEventLevel.Warning)]
    public async Task RequestLog_SuccessLevel_logs_every_answered_request(string setting, LogEventLevel expected)
    {
        var sink = new Sink();
        using var app = new App(sink, setting);
        using var c = TestClient.Anonymous(app);
        Assert.Equal(200, (int)(await c.GetAsync("/Public/Directory")).StatusCode);
        Assert.Equal(expected, RequestLine(sink, "/Public/Directory")?.Level);
    }
}
