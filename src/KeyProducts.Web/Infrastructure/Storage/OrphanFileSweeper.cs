using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KeyProducts.Web.Infrastructure.Storage;

/// <summary>Deletes files that no row references: blobs whose upload failed after the file was written (a refused
/// transaction, a crash, <c>kill -9</c>) and temporary files of uploads that never finished. Only files older than the
/// grace period go, so an upload between writing its file and committing its row is never touched. References are read
/// from every column of the model whose name ends in "Sha256", so a new kind of attachment is protected without being
/// listed.</summary>
public sealed class OrphanFileSweeper(
    IServiceScopeFactory scopes,
    IFileStorage storage,
    TimeProvider time,
    IOptions<StorageOptions> options,
    ILogger<OrphanFileSweeper> log
) : BackgroundService
{
    public async Task<int> SweepAsync(CancellationToken ct = default)
    {
        var cutoff = time.GetUtcNow() - TimeSpan.FromMinutes(options.Value.OrphanGraceMinutes);
        var candidates = storage.List().Where(b => b.LastWrite < cutoff).ToList();
        if (candidates.Count == 0)
            return 0;
        var referenced = await ReferencedAsync(ct);
        var deleted = 0;
        foreach (var blob in candidates.Where(b => b.Sha256 is null || !referenced.Contains(b.Sha256)))
        {
            try
            {
                storage.Delete(blob);
                deleted++;
            }
            catch (IOException ex)
            {
                log.LogWarning("Orphan file {Path} not deleted: {Reason}", blob.Path, ex.Message);
            }
        }
        if (deleted > 0)
            log.LogInformation("Deleted {Count} orphaned upload files", deleted);
        return deleted;
    }

    private async Task<HashSet<string>> ReferencedAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null && !e.IsOwned()))
        foreach (
            var p in entity
                .GetProperties()
                .Where(p => p.ClrType == typeof(string) && p.Name.EndsWith("Sha256", StringComparison.Ordinal))
        )
        {
            var table = entity.GetTableName()!;
            var column = p.GetColumnName();
#pragma warning disable EF1002 // Table and column names come from the EF model, not from input.
            var values = await db
                .Database.SqlQueryRaw<string>(
                    $"SELECT DISTINCT \"{column}\" AS \"Value\" FROM \"{table}\" WHERE \"{column}\" IS NOT NULL"
                )
                .ToListAsync(ct);
#pragma warning restore EF1002
            result.UnionWith(values);
        }
        return result;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.SweepOrphans)
            return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(Math.Max(1, options.Value.OrphanGraceMinutes)), time);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                log.LogWarning(ex, "Orphan file sweep failed; it runs again later");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
