using KeyProducts.Web.Infrastructure.Storage;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace KeyProducts.Web.Tests.Foundation;

/// <summary>Files on disk that no row references (a failed transaction, a crash) are deleted once older than the grace
/// period; referenced files, young files and files that are not uploads stay.</summary>
public sealed class OrphanFileSweeperTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Old_orphans_and_abandoned_temporary_files_are_swept_referenced_and_young_files_stay()
    {
        var storage = app.Services.GetRequiredService<IFileStorage>();
        var sweeper = app.Services.GetRequiredService<OrphanFileSweeper>();
        var now = app.Clock.GetUtcNow();
        var old = now.AddHours(-3).UtcDateTime;

        var orphan = await StoreAsync(storage, "%PDF-1.4 orphan " + Guid.NewGuid());
        var young = await StoreAsync(storage, "%PDF-1.4 young orphan " + Guid.NewGuid());
        var shas = await app.WithDbAsync(db =>
            Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
                db.DossierDocuments.Select(d => d.Sha256)
            )
        );
        var referenced = shas.First(storage.Exists);
        var referencedPath = PathOf(storage, referenced);
        // root/ab/cd/abcd…
        var root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(referencedPath)))!;
        var tmp = Path.Combine(root, "tmp", "abandoned");
        Directory.CreateDirectory(Path.GetDirectoryName(tmp)!);
        await File.WriteAllTextAsync(tmp, "half an upload");
        foreach (var path in new[] { PathOf(storage, orphan), referencedPath, tmp })
            File.SetLastWriteTimeUtc(path, old);
        File.SetLastWriteTimeUtc(PathOf(storage, young), now.UtcDateTime);

        await sweeper.SweepAsync();

        Assert.False(storage.Exists(orphan), "an old orphan was kept");
        Assert.False(File.Exists(tmp), "an abandoned temporary file was kept");
        Assert.True(storage.Exists(referenced), "a referenced file was deleted");
        Assert.True(storage.Exists(young), "a file within the grace period was deleted");
    }

    private static async Task<string> StoreAsync(IFileStorage storage, string text)
    {
        using var ms = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        return (await storage.SaveAsync(ms, 1_000_000)).Sha256;
    }

    private static string PathOf(IFileStorage storage, string sha) => storage.List().Single(b => b.Sha256 == sha).Path;
}
