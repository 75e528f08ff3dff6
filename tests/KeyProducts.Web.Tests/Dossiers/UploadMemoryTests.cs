using System.Net;
using KeyProducts.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static KeyProducts.Web.Tests.Dossiers.DossierArrange;

namespace KeyProducts.Web.Tests.Dossiers;

/// <summary>Measures process-wide allocations, so it runs alone, after the parallel classes (any other test running
/// at the same time would add its own allocations to the count).</summary>
[Collection(nameof(UploadMemoryCollection))]
public sealed class UploadMemoryTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task An_oversize_upload_is_refused_without_buffering_it_in_memory()
    {
        var id = await DraftAsync(app, Enterprise1, complete: false);
        var item = await ChecklistItemAsync(app, id, "PDK");
        using var c = await TestClient.LoggedInAsync(app, Enterprise1);
        const long size = 64L * 1024 * 1024;
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var r = await UploadAsync(c, id, item, "lon.pdf", new StreamContent(new PdfLikeStream(size)));
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        Assert.True(
            r.StatusCode is HttpStatusCode.RequestEntityTooLarge or HttpStatusCode.BadRequest,
            r.StatusCode + (await r.Content.ReadAsStringAsync()) + string.Join("\n", app.Logs.Errors)
        );
        Assert.True(allocated < size / 2, $"allocated {allocated} bytes for a {size}-byte upload");
        Assert.False(await app.WithDbAsync(db => db.DossierDocuments.AnyAsync(x => x.DossierId == id)));
        Assert.DoesNotContain(app.Logs.Errors, e => e.Contains("500", StringComparison.Ordinal));
    }
}

[CollectionDefinition(nameof(UploadMemoryCollection), DisableParallelization = true)]
public sealed class UploadMemoryCollection;
