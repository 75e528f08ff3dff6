using KeyProducts.Web.Features.Reference;

namespace KeyProducts.Web.Pages.Shared;

/// <summary>Choices for the enterprise profile form.</summary>
public sealed record ProfileOptions(
    List<ReferenceLists.Option> Sectors,
    List<ReferenceLists.Option> Communes,
    List<ReferenceLists.Option> Districts
)
{
    public static async Task<ProfileOptions> LoadAsync(ReferenceLists lists, CancellationToken ct) =>
        new(await lists.SectorsAsync(ct), await lists.CommunesAsync(ct), await lists.FormerDistrictsAsync(ct));
}
