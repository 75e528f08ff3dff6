using System.Text.RegularExpressions;
using KeyProducts.BrowserTests.Infrastructure;
using KeyProducts.Web.Data;
using KeyProducts.Web.Data.Seed;
using KeyProducts.Web.Tests.Council;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace KeyProducts.BrowserTests.Council;

/// <summary>The council's journey: members score, a conflicted member is blocked, the secretary follows progress,
/// results are confirmed and published for comment, a comment arrives, the decision is recorded, the enterprise sees
/// it.</summary>
[Collection("browser")]
public sealed partial class CouncilJourney(BrowserFixture fx) : Journey(fx)
{
    [Fact]
    public async Task From_independent_scoring_to_the_recognition_an_enterprise_sees()
    {
        var app = Fx.App;
        var year = Core.Common.VietnamTime.Today(TimeProvider.System).Year;
        var conflictDossier = await app.DossierOfAsync(CouncilSeeder.ConflictTaxCode);
        var document = await app.WithDbAsync(db =>
            db.DossierDocuments.Where(d => d.DossierId == conflictDossier).Select(d => d.Id).FirstAsync()
        );
        var scored = await app.DossierOfAsync("0108912347");
        var failing = await app.DossierOfAsync("0104567890");

        // The secretary hands the last eligible dossier to the council.
        var officer = await OpenAsync();
        await LoginAsync(officer, AccountsSeeder.OfficerEmail);
        await officer.GotoAsync("/Secretariat/Council");
        await Assertions.Expect(officer.GetByTestId("members")).ToContainTextAsync("Phạm Thị Lan");
        await officer.GetByTestId("start-scoring").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("flash")).ToBeVisibleAsync();

        // The conflicted member does not see the dossier, and is refused by URL, file and API.
        var member = await OpenAsync();
        await LoginAsync(member, CouncilSeeder.ConflictedMemberEmail);
        await member.GotoAsync("/Council");
        await Assertions.Expect(member.GetByTestId("assigned-dossiers")).ToBeVisibleAsync();
        await Assertions.Expect(member.GetByTestId($"dossier-{conflictDossier}")).ToHaveCountAsync(0);
        var sheet = await member.GotoAsync($"/Council/Sheet/{conflictDossier}");
        Assert.Equal(404, sheet!.Status);
        Assert.Equal(404, (await member.APIRequest.GetAsync($"/Council/Document/{conflictDossier}/{document}")).Status);
        Assert.Equal(404, (await member.APIRequest.GetAsync($"/api/v1/council/sheets/{conflictDossier}")).Status);

        // The member scores a dossier: draft first, then submit; others' scores appear only afterwards.
        await member.GotoAsync($"/Council/Sheet/{scored}");
        await Assertions.Expect(member.Locator("[data-testid^=others-]")).ToHaveCountAsync(0);
        var inputs = member.Locator("input[name$='.Points']");
        var count = await inputs.CountAsync();
        for (var i = 0; i < count; i++)
            await inputs.Nth(i).FillAsync(i == 0 ? "8,5" : "4");
        await member.GetByLabel("Nhận xét").First.FillAsync("Tăng trưởng doanh thu ổn định, cao hơn bình quân ngành.");
        await member.GetByTestId("save-draft").ClickAsync();
        await Assertions.Expect(member.GetByTestId("saved")).ToBeVisibleAsync();
        // Submitting asks for confirmation first: cancelling leaves the sheet open, confirming locks it.
        await Assertions.Expect(member.GetByTestId("running-total")).ToContainTextAsync(",5");
        var asked = new List<string>();
        void Cancel(object? _, IDialog d)
        {
            asked.Add(d.Message);
            _ = d.DismissAsync();
        }
        member.Dialog += Cancel;
        await member.GetByTestId("submit-sheet").ClickAsync();
        await Assertions.Expect(member.GetByTestId("submit-sheet")).ToBeEnabledAsync();
        Assert.Contains(asked, m => m.Contains("khóa", StringComparison.Ordinal));
        Assert.Equal(0, await member.GetByTestId("locked").CountAsync());
        member.Dialog -= Cancel;
        void Confirm(object? _, IDialog d) => _ = d.AcceptAsync();
        member.Dialog += Confirm;
        await member.GetByTestId("submit-sheet").ClickAsync();
        await Assertions.Expect(member.GetByTestId("locked")).ToBeVisibleAsync();
        member.Dialog -= Confirm;

        // The secretary follows progress and reminds those who have not submitted.
        await officer.GotoAsync("/Secretariat/Council/Progress");
        await Assertions.Expect(officer.GetByTestId("progress-board")).ToContainTextAsync("Đã nộp");
        await Assertions.Expect(officer.GetByTestId("progress-board")).ToContainTextAsync("Không chấm (xung đột)");
        await officer.GetByTestId("remind").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("flash")).ToBeVisibleAsync();

        // The other members finish (through the same use case as the page), one product scoring low.
        await app.ScoreEverythingAsync(d => d == failing ? 40 : 82);

        // The meeting: attendance, quorum, confirmation, publication for comment.
        await officer.GotoAsync("/Secretariat/Council/Results");
        var boxes = officer.GetByTestId("attendance-form").Locator("input[type=checkbox]");
        for (var i = 0; i < 6; i++)
            await boxes.Nth(i).CheckAsync();
        await officer.GetByTestId("attendance-form").GetByRole(AriaRole.Button).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("quorum")).ToContainTextAsync("đủ túc số");
        await officer.GetByTestId("confirm-results").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("flash")).ToBeVisibleAsync();
        await officer.GetByTestId("publish").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("flash")).ToBeVisibleAsync();

        // A citizen comments on the published list.
        var citizen = await OpenAsync();
        await citizen.GotoAsync($"/Public/Comments/{year}");
        await Assertions.Expect(citizen.GetByTestId("proposed-list")).ToContainTextAsync("Áo jacket xuất khẩu cao cấp");
        await Assertions.Expect(citizen.GetByTestId("proposed-list")).Not.ToContainTextAsync("Bình gốm men lam vẽ tay");
        await citizen.GetByLabel("Họ và tên").FillAsync("Trần Văn Bình");
        await citizen.GetByLabel("Email hoặc điện thoại").FillAsync("0912 345 678");
        await citizen
            .GetByLabel("Về sản phẩm (không bắt buộc)")
            .SelectOptionAsync(
                new SelectOptionValue { Label = "Áo jacket xuất khẩu cao cấp — Tổng công ty May Đông Đô" }
            );
        await citizen.GetByLabel("Nội dung").FillAsync("Đề nghị làm rõ số liệu xuất khẩu năm gần nhất của sản phẩm.");
        await citizen.GetByTestId("send-comment").ClickAsync();
        await Assertions.Expect(citizen.GetByTestId("comment-sent")).ToBeVisibleAsync();

        // The secretary answers; once the window has closed the list is proposed for decision.
        await officer.GotoAsync("/Secretariat/Council/Comments");
        await Assertions.Expect(officer.Locator("[data-testid^=comment-]").First).ToContainTextAsync("Trần Văn Bình");
        await officer.GetByLabel("Trả lời").FillAsync("Số liệu đã được đối chiếu với tờ khai hải quan.");
        await officer.GetByLabel("Cách xử lý").FillAsync("Giữ nguyên kết quả");
        await officer.GetByRole(AriaRole.Button, new() { Name = "Lưu trả lời" }).ClickAsync();
        await Assertions.Expect(officer.GetByTestId("flash")).ToBeVisibleAsync();
        await app.WithDbAsync(async db =>
        {
            var round = await db.Rounds.FirstAsync(r => r.Year == year);
            round.CommentOpens = round.CommentOpens!.Value.AddDays(-20);
            round.CommentCloses = Core.Common.VietnamTime.Today(TimeProvider.System).AddDays(-1);
            await db.SaveChangesAsync();
        });
        await officer.GetByTestId("propose").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("flash")).ToBeVisibleAsync();

        // The decision is recorded; the draft decision is offered as a Word document.
        await officer.GotoAsync("/Secretariat/Council/Decision");
        await officer.GetByLabel("Số, ký hiệu quyết định").FillAsync("5012/QĐ-UBND");
        await officer
            .GetByLabel("Ngày ký")
            .FillAsync(
                Core.Common.VietnamTime.Today(TimeProvider.System)
                    .ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            );
        await officer.GetByLabel(Label("Người ký")).FillAsync("Nguyễn Mạnh Quyền");
        await officer.GetByTestId("record-decision").ClickAsync();
        await Assertions.Expect(officer.GetByTestId("decision-recorded")).ToContainTextAsync("5012/QĐ-UBND");
        var download = await officer.RunAndWaitForDownloadAsync(() =>
            officer.GetByTestId("draft-decision").ClickAsync()
        );
        Assert.EndsWith(".docx", download.SuggestedFilename, StringComparison.Ordinal);
        await download.SaveAsAsync(Artifacts.PathFor("council-decision.docx")); // kept for a look (LibreOffice → PDF)
        await officer.GotoAsync("/Secretariat/Council/Results");
        var minutes = await officer.RunAndWaitForDownloadAsync(() => officer.GetByTestId("minutes").ClickAsync());
        await minutes.SaveAsAsync(Artifacts.PathFor("council-minutes.docx"));

        // The enterprise sees its recognition and its score per indicator.
        var email = "ketoan.dongdo@example.vn";
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            if (await users.FindByEmailAsync(email) is null)
            {
                var enterpriseId = await app.WithDbAsync(db =>
                    db.Enterprises.Where(e => e.TaxCode == "0108912347").Select(e => e.Id).FirstAsync()
                );
                var user = new ApplicationUser
                {
                    UserName = email,
                    Email = email,
                    EmailConfirmed = true,
                    DisplayName = "Kế toán Đông Đô",
                    EnterpriseId = enterpriseId,
                };
                await AccountsSeeder.CreateWithDemoPasswordAsync(users, user);
                await users.AddToRoleAsync(user, Roles.Enterprise);
            }
        }
        var enterprise = await OpenAsync();
        await LoginAsync(enterprise, email);
        await enterprise.GotoAsync("/Portal/Results");
        await Assertions.Expect(enterprise.GetByTestId("recognized")).ToContainTextAsync("5012/QĐ-UBND");
        await Assertions.Expect(enterprise.GetByTestId("breakdown")).ToContainTextAsync("G1.1");
    }
}
