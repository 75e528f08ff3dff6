using KeyProducts.Core.Rounds;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Api.V1;

public static class ProgramEndpoints
{
    public sealed record PhaseDto(
        int Id,
        string Name,
        int StartYear,
        int EndYear,
        int? TargetProductsMin,
        int? TargetProductsMax
    );

    public sealed record RoundDto(
        int Id,
        int Year,
        string Title,
        DateOnly RegistrationOpens,
        DateOnly SubmissionDeadline,
        string Status
    );

    public sealed record ProgramDto(
        string Name,
        string ManagingAgency,
        IReadOnlyList<PhaseDto> Phases,
        IReadOnlyList<RoundDto> Rounds
    );

    public static async Task<ProgramDto> GetProgram(AppDbContext db, CancellationToken ct)
    {
        var phases = await db
            .Phases.AsNoTracking()
            .OrderBy(p => p.StartYear)
            .Select(p => new PhaseDto(p.Id, p.Name, p.StartYear, p.EndYear, p.TargetProductsMin, p.TargetProductsMax))
            .ToListAsync(ct);
        var rounds = await db
            .Rounds.AsNoTracking()
            .Where(r => r.Status != RoundStatus.Draft)
            .OrderByDescending(r => r.Year)
            .Select(r => new RoundDto(
                r.Id,
                r.Year,
                r.Title,
                r.RegistrationOpens,
                r.SubmissionDeadline,
                r.Status.ToString()
            ))
            .ToListAsync(ct);
        return new ProgramDto("Sản phẩm công nghiệp chủ lực thành phố Hà Nội", "Sở Công Thương Hà Nội", phases, rounds);
    }
}
