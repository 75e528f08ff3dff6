using KeyProducts.Web.Infrastructure.Operations;
using KeyProducts.Web.Infrastructure.Storage;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KeyProducts.Web.Tests.Foundation;

/// <summary>Back up, wipe, restore: the records (here the whole audit log, a table nothing else depends on) and every
/// stored file come back identical.</summary>
public sealed class BackupTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task A_backup_restores_the_documents_and_their_files_after_they_were_wiped()
    {
        var storage = app.Services.GetRequiredService<IFileStorage>();
        var before = await app.WithDbAsync(db =>
            db.DossierDocuments.OrderBy(d => d.Id)
                .Select(d => new
                {
                    d.Id,
                    d.DossierId,
                    d.FileName,
                    d.Sha256,
                })
                .ToListAsync()
        );
        var sha = before.Select(d => d.Sha256).First(storage.Exists);
        var bytes = await ReadAsync(storage, sha);
        var dossiers = await app.WithDbAsync(db => db.Dossiers.CountAsync());
        var audit = await app.WithDbAsync(db => db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Hash).ToListAsync());
        var file = Path.Combine(Path.GetTempPath(), $"kp-backup-{Guid.NewGuid():N}.zip");
        try
        {
            using (var scope = app.Services.CreateScope())
                await scope.ServiceProvider.GetRequiredService<BackupArchive>().BackupAsync(file);

            await app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\""));
            Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.CountAsync()));
            foreach (var blob in storage.List().ToList())
                storage.Delete(blob);
            Assert.False(storage.Exists(sha));

            using (var scope = app.Services.CreateScope())
                await scope.ServiceProvider.GetRequiredService<BackupArchive>().RestoreAsync(file);

            var after = await app.WithDbAsync(db =>
                db.DossierDocuments.OrderBy(d => d.Id)
                    .Select(d => new
                    {
                        d.Id,
                        d.DossierId,
                        d.FileName,
                        d.Sha256,
                    })
                    .ToListAsync()
            );
            Assert.Equal(before, after);
            Assert.Equal(dossiers, await app.WithDbAsync(db => db.Dossiers.CountAsync()));
            Assert.Equal(
                audit,
                await app.WithDbAsync(db => db.AuditEntries.OrderBy(a => a.Id).Select(a => a.Hash).ToListAsync())
            );
            Assert.Equal(bytes, await ReadAsync(storage, sha));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task<byte[]> ReadAsync(IFileStorage storage, string sha)
    {
        await using var s = storage.OpenRead(sha)!;
        using var ms = new MemoryStream();
        await s.CopyToAsync(ms);
        return ms.ToArray();
    }
}
