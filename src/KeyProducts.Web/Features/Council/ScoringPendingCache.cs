using Microsoft.Extensions.Caching.Memory;

namespace KeyProducts.Web.Features.Council;

/// <summary>The members' "still to score" counts of a council, kept per audit generation (the id of the newest audit
/// entry, decision 0016). Every change they depend on — a score sheet saved, submitted or reopened, a conflict
/// declared,
/// a dossier moving in or out of scoring, a member added — is audited in the same transaction, so a change means a new
/// generation and the counts are computed again; the generation is read from the database, so every app node sees it.
/// Entries live at most <see cref="Lifetime"/>: on PostgreSQL an entry's id is taken before its transaction commits,
/// so a transaction committing after a later one's can leave the newest id unchanged; the lifetime bounds
/// that.</summary>
public sealed class ScoringPendingCache : IDisposable
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 256 });

    public bool TryGet(int councilId, long generation, out IReadOnlyDictionary<int, int> pending)
    {
        if (_cache.TryGetValue((councilId, generation), out IReadOnlyDictionary<int, int>? hit) && hit is not null)
        {
            pending = hit;
            return true;
        }
        pending = new Dictionary<int, int>();
        return false;
    }

    public void Set(int councilId, long generation, IReadOnlyDictionary<int, int> pending) =>
        _cache.Set(
            (councilId, generation),
            pending,
            new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime }
        );

    public void Dispose() => _cache.Dispose();
}
