using System.Collections.Concurrent;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.PublicDirectory;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Extensions.Options;
using Npgsql;

namespace KeyProducts.Web.Infrastructure.Nodes;

/// <summary>The "Cluster" section.</summary>
public sealed class ClusterOptions
{
    /// <summary>Tell the other nodes through PostgreSQL LISTEN/NOTIFY when cached data changed. Empty means on with
    /// PostgreSQL; SQLite is single-node and never notifies.</summary>
    public bool? CacheNotifications { get; set; }

    /// <summary>The notification channel; nodes of one deployment share it.</summary>
    public string Channel { get; set; } = "keyproducts_cache";
}

/// <summary>Keeps the output cache of every node in step: the node that changes cached data evicts its own cache and
/// sends <c>pg_notify(channel, "node|tag")</c>; every other node listens on the channel and evicts the tag within
/// milliseconds. While a node is not listening (start-up, database restart) it neither serves nor stores cached
/// answers,
/// and it empties its cache when it listens again, since it may have missed notifications.</summary>
public sealed partial class ClusterCacheNotifications(
    IConfiguration cfg,
    IOptions<ClusterOptions> options,
    IOutputCacheStore store,
    Features.Program.KpiCache kpis,
    Features.PublicDirectory.DirectoryGeneration directory,
    ILogger<ClusterCacheNotifications> log
) : BackgroundService
{
    /// <summary>Tags evicted when the node (re)starts listening.</summary>
    private static readonly string[] AllTags = [DirectoryCache.Tag, Features.Program.KpiCache.Tag];

    private readonly string _node = Guid.NewGuid().ToString("N")[..12];
    private readonly ConcurrentQueue<string> _received = new();
    private readonly Lazy<NpgsqlDataSource> _publisher = new(() =>
        NpgsqlDataSource.Create(cfg.GetConnectionString("Default") ?? "")
    );
    private volatile bool _listening;

    public bool Enabled => DatabaseSetup.IsPostgres(cfg) && (options.Value.CacheNotifications ?? true);

    /// <summary>Whether the output cache may be used: always on a single node; on several, only while
    /// listening.</summary>
    public bool CacheUsable => !Enabled || _listening;

    public bool Listening => _listening;

    /// <summary>Notifications received from other nodes (tests wait on it).</summary>
    public int Received { get; private set; }

    private string Channel => options.Value.Channel;

    private string ConnectionString => cfg.GetConnectionString("Default") ?? "";

    /// <summary>Tells the other nodes that <paramref name="tag"/> changed. Called after the change committed; a failure
    /// is
    /// logged, not thrown (the change itself is saved, and a node that lost its connection empties its cache
    /// anyway).</summary>
    public async Task PublishAsync(string tag, CancellationToken ct = default)
    {
        if (!Enabled)
            return;
        try
        {
            await using var cmd = _publisher.Value.CreateCommand("SELECT pg_notify($1, $2)");
            cmd.Parameters.Add(new NpgsqlParameter { Value = Channel });
            cmd.Parameters.Add(new NpgsqlParameter { Value = $"{_node}|{tag}" });
            await cmd.ExecuteNonQueryAsync(CancellationToken.None);
        }
        catch (Exception ex)
            when (ex
                    is NpgsqlException
                        or System.Net.Sockets.SocketException
                        or IOException
                        or TimeoutException
                        or InvalidOperationException
            )
        {
            LogPublishFailed(log, tag, ex.Message);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled)
            return;
        var cs = new NpgsqlConnectionStringBuilder(ConnectionString)
        {
            Pooling = false,
            KeepAlive = 15,
            ApplicationName = "keyproducts-cache-listener",
        };
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var conn = new NpgsqlConnection(cs.ConnectionString);
                await conn.OpenAsync(stoppingToken);
                conn.Notification += (_, e) => _received.Enqueue(e.Payload);
                await using (
                    var listen = new NpgsqlCommand(
                        $"LISTEN \"{Channel.Replace("\"", "", StringComparison.Ordinal)}\"",
                        conn
                    )
                )
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                // Whatever changed while this node was not listening is unknown: start from an empty cache.
                await EvictLocallyAsync(AllTags, stoppingToken);
                _listening = true;
                LogListening(log, Channel);
                while (!stoppingToken.IsCancellationRequested)
                {
                    if (!await conn.WaitAsync(30_000, stoppingToken))
                    {
                        await using var ping = new NpgsqlCommand("SELECT 1", conn);
                        await ping.ExecuteScalarAsync(stoppingToken);
                    }
                    await DrainAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
                when (ex
                        is NpgsqlException
                            or System.Net.Sockets.SocketException
                            or IOException
                            or TimeoutException
                            or InvalidOperationException
                            or OperationCanceledException
                )
            {
                _listening = false;
                LogListenFailed(log, ex.Message);
                try
                {
                    await EvictLocallyAsync(AllTags, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
            finally
            {
                _listening = false;
            }
        }
    }

    private async Task DrainAsync(CancellationToken ct)
    {
        while (_received.TryDequeue(out var payload))
        {
            var sep = payload.IndexOf('|', StringComparison.Ordinal);
            if (sep < 0 || payload.AsSpan(0, sep).SequenceEqual(_node))
                continue; // our own change: already evicted here
            Received++;
            await EvictLocallyAsync([payload[(sep + 1)..]], ct);
        }
    }

    private async Task EvictLocallyAsync(IEnumerable<string> tags, CancellationToken ct)
    {
        foreach (var tag in tags)
        {
            if (tag == Features.Program.KpiCache.Tag)
            {
                kpis.Evict(); // an in-memory cache of its own, not an output-cache tag
                continue;
            }
            if (tag == DirectoryCache.Tag)
                directory.Bump();
            await store.EvictByTagAsync(tag, ct);
        }
    }

    public override void Dispose()
    {
        if (_publisher.IsValueCreated)
            _publisher.Value.Dispose();
        base.Dispose();
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Listening for cache changes of other nodes on channel {Channel}"
    )]
    private static partial void LogListening(ILogger logger, string channel);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Not listening for cache changes of other nodes (cache off until it listens again): {Reason}"
    )]
    private static partial void LogListenFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the other nodes that {Tag} changed: {Reason}")]
    private static partial void LogPublishFailed(ILogger logger, string tag, string reason);
}

/// <summary>Readiness: Degraded (still served, without the output cache) while a node of several does not hear the
/// others.</summary>
public sealed class ClusterHealthCheck(ClusterCacheNotifications cluster)
    : Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheck
{
    public Task<Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult> CheckHealthAsync(
        Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckContext context,
        CancellationToken cancellationToken = default
    ) =>
        Task.FromResult(
            !cluster.Enabled
                ? Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy("single node (off)")
            : cluster.Listening ? Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Healthy("listening")
            : Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckResult.Degraded(
                "not listening; output cache off"
            )
        );
}
