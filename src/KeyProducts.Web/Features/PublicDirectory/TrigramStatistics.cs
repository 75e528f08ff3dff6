using System.Data.Common;
using KeyProducts.Web.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.PublicDirectory;

/// <summary>How many products contain each trigram of the SQLite directory index (read from FTS5's own
/// <c>fts5vocab</c>), so that a search can probe the index by its rarest trigrams instead of the whole phrase
/// (decision 0012, follow-up). An FTS5 phrase reads the position lists of every trigram of the query, and the common
/// ones
/// ("ien", "an ", " ch") hold most of the catalogue: a long name cost 40 ms over 200,000 products. The counts only
/// choose
/// which trigrams to read; the search then checks the whole folded query on each candidate, so stale counts cost speed,
/// never a wrong result. They are read in the background at the first search and again when they are older than
/// <see cref="MaxAge"/>; until then the search uses the phrase.</summary>
public sealed class TrigramStatistics(IServiceScopeFactory scopes, TimeProvider time, ILogger<TrigramStatistics> log)
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromHours(6);

    /// <summary>How many trigrams a probe reads: the two rarest already narrow a name to a handful of rows.</summary>
    public const int ProbeSize = 2;

    private volatile Snapshot? _current;
    private int _loading;

    private sealed record Snapshot(Dictionary<string, int> Counts, DateTimeOffset ReadAt);

    /// <summary>The rarest distinct trigrams of <paramref name="folded"/>, rarest first, or null while the counts are
    /// not
    /// read yet (or for text the trigram tokenizer would cut differently: surrogate pairs).</summary>
    public IReadOnlyList<string>? Probe(string folded)
    {
        var snapshot = _current;
        if (snapshot is null || time.GetUtcNow() - snapshot.ReadAt > MaxAge)
            StartLoading();
        if (snapshot is null || folded.Length < DirectorySearchIndex.MinQueryLength)
            return null;
        foreach (var c in folded)
            if (char.IsSurrogate(c))
                return null;
        return Enumerable
            .Range(0, folded.Length - 2)
            .Select(i => folded.Substring(i, 3))
            .Distinct(StringComparer.Ordinal)
            // A trigram the counts do not know was added since: no older row has it, so it is the rarest.
            .OrderBy(t => snapshot.Counts.GetValueOrDefault(t))
            .ThenBy(t => t, StringComparer.Ordinal)
            .Take(ProbeSize)
            .ToList();
    }

    /// <summary>Reads the counts now (the searches start it in the background; tests wait for it). The vocabulary table
    /// lives in the connection's temp schema and stays with it in the pool.</summary>
    public async Task LoadAsync(CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        if (!db.Database.IsSqlite())
            return;
        // A connection of its own, outside EF: the counts are no part of any request (nor of its command count).
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        await using var connection = new SqliteConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(ct);
        await ExecuteAsync(
            connection,
            $"CREATE VIRTUAL TABLE IF NOT EXISTS temp.\"{VocabTable}\" USING fts5vocab(main, "
                + $"\"{DirectorySearchIndex.Table}\", row)",
            ct
        );
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = $"SELECT term, doc FROM temp.\"{VocabTable}\"";
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                counts[reader.GetString(0)] = reader.GetInt32(1);
        }
        _current = new Snapshot(counts, time.GetUtcNow());
    }

    private const string VocabTable = "ProductsSearchVocab";

    private static async Task ExecuteAsync(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private void StartLoading()
    {
        if (Interlocked.CompareExchange(ref _loading, 1, 0) != 0)
            return;
        _ = Task.Run(async () =>
        {
            try
            {
                await LoadAsync(CancellationToken.None);
            }
            catch (Exception e) when (e is DbException or InvalidOperationException or ObjectDisposedException)
            {
                // The phrase keeps answering; the next search tries again.
                log.LogWarning(e, "The directory's trigram counts could not be read");
            }
            finally
            {
                Volatile.Write(ref _loading, 0);
            }
        });
    }
}
