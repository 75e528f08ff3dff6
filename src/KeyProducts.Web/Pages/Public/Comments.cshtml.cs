using System.ComponentModel.DataAnnotations;
using KeyProducts.Core.Common;
using KeyProducts.Core.Rounds;
using KeyProducts.Web.Data;
using KeyProducts.Web.Features.Council;
using KeyProducts.Web.Infrastructure.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Pages.Public;

/// <summary>The proposed list published for comment (công khai lấy ý kiến), and the comment form while the window is
/// open.</summary>
public class CommentsModel(
    AppDbContext db,
    CouncilQueries queries,
    SendPublicComment send,
    TimeProvider time,
    IStringLocalizer<SharedResource> l
) : PageModel
{
    public sealed class CommentInput
    {
        [Required(ErrorMessage = "Nhập họ tên.")]
        [StringLength(200)]
        [Display(Name = "Họ và tên")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Nhập email hoặc số điện thoại để liên hệ.")]
        [StringLength(200)]
        [Display(Name = "Email hoặc điện thoại")]
        public string? Contact { get; set; }

        [Display(Name = "Về sản phẩm (không bắt buộc)")]
        public int? DossierId { get; set; }

        [Required(ErrorMessage = "Nhập nội dung ý kiến.")]
        [StringLength(4000, ErrorMessage = "Nội dung tối đa 4.000 ký tự.")]
        [Display(Name = "Nội dung")]
        public string? Content { get; set; }
    }

    public Round Round { get; private set; } = null!;
    public IReadOnlyList<ResultRow> Listed { get; private set; } = [];
    public int TopN { get; private set; }
    public bool Open { get; private set; }

    public sealed record AnsweredComment(
        DateTimeOffset ReceivedAt,
        string? Product,
        string Content,
        string Response,
        DateTimeOffset AnsweredAt
    );

    public IReadOnlyList<AnsweredComment> Answered { get; private set; } = [];

    [BindProperty]
    public CommentInput Input { get; set; } = new();

    [TempData]
    public bool Sent { get; set; }

    public async Task<IActionResult> OnGetAsync(int year, CancellationToken ct) =>
        await LoadAsync(year, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int year, CancellationToken ct)
    {
        if (!await LoadAsync(year, ct))
            return NotFound();
        if (!ModelState.IsValid)
            return Page();
        try
        {
            await send.ExecuteAsync(Round.Id, Input.DossierId, Input.Name!, Input.Contact!, Input.Content!, ct);
            Sent = true;
            return RedirectToPage(new { year });
        }
        catch (DomainException e)
        {
            ModelState.AddModelError("", e.Localized(l));
            return Page();
        }
    }

    private async Task<bool> LoadAsync(int year, CancellationToken ct)
    {
        var round = await db
            .Rounds.AsNoTracking()
            .FirstOrDefaultAsync(r => r.Year == year && r.Status != RoundStatus.Draft, ct);
        if (round is null)
            return false;
        var published = await db.Councils.AnyAsync(c => c.RoundId == round.Id && c.PublishedAt != null, ct);
        if (!published)
            return false;
        Round = round;
        var view = await queries.ResultsAsync(round, ct);
        TopN = view.Rulebook.Rules.TopN;
        Listed = view.Rows.Where(r => r.Result.Passed).ToList();
        Open = round.IsInCommentWindow(time.GetUtcNow());
        // Answers are published without the commenter's name or contact.
        Answered = await (
            from c in db.PublicComments.AsNoTracking()
            where c.RoundId == round.Id && c.AnsweredAt != null && c.Response != null
            join d in db.Dossiers on c.DossierId equals (int?)d.Id into dj
            from d in dj.DefaultIfEmpty()
            join p in db.Products on d.ProductId equals p.Id into pj
            from p in pj.DefaultIfEmpty()
            orderby c.ReceivedAt
            select new AnsweredComment(
                c.ReceivedAt,
                p != null ? p.Name : null,
                c.Content,
                c.Response!,
                c.AnsweredAt!.Value
            )
        ).ToListAsync(ct);
        return true;
    }
}
