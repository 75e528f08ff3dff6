using KeyProducts.Core.Council;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Council;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Secretariat.Council;

/// <summary>Public comments on the published list: answer each, record how it was handled, then propose the list for
/// decision.</summary>
public class CommentsModel(
    AppDbContext db,
    CouncilQueries queries,
    AnswerPublicComment answerComment,
    ProposeForDecision propose,
    IStringLocalizer<SharedResource> l
) : CouncilPage(queries, l)
{
    public sealed record Row(PublicComment Comment, string? Product);

    public IReadOnlyList<Row> Comments { get; private set; } = [];

    [BindProperty]
    public int CommentId { get; set; }

    [BindProperty]
    public string? Answer { get; set; }

    [BindProperty]
    public string? Handling { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAnswerAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        if (Comments.All(c => c.Comment.Id != CommentId))
            return NotFound();
        if (string.IsNullOrWhiteSpace(Answer))
        {
            ModelState.AddModelError($"response-{CommentId}", L["Cần nhập nội dung trả lời."]);
            return Page();
        }
        return await RunAsync(
            async () =>
            {
                await answerComment.ExecuteAsync(CommentId, Answer, Handling ?? "", ct);
                return "Đã lưu trả lời.";
            },
            () => Task.FromResult<IActionResult>(Page())
        );
    }

    public async Task<IActionResult> OnPostProposeAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        return await RunAsync(
            async () =>
            {
                await propose.ExecuteAsync(Round.Id, ct);
                return "Đã lập danh sách đề nghị công nhận.";
            },
            () => Task.FromResult<IActionResult>(Page())
        );
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (!await LoadRoundAsync(ct))
            return false;
        Comments = await (
            from c in db.PublicComments.AsNoTracking()
            where c.RoundId == Round.Id
            join d in db.Dossiers on c.DossierId equals d.Id into ds
            from d in ds.DefaultIfEmpty()
            join p in db.Products on d.ProductId equals p.Id into ps
            from p in ps.DefaultIfEmpty()
            orderby c.ReceivedAt
            select new Row(c, p == null ? null : p.Name)
        ).ToListAsync(ct);
        return true;
    }
}
