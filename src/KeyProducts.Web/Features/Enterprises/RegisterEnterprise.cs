using System.ComponentModel.DataAnnotations;
using KeyProducts.Core.Common;
using KeyProducts.Core.Enterprises;
using KeyProducts.Web.Data;
using KeyProducts.Web.Infrastructure.Mail;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Enterprises;

/// <summary>A field and a message (a Vietnamese localizer key, with its format arguments) to show beside it.</summary>
public sealed record FieldError(string Field, string Message, params object[] Args);

public sealed class RegistrationInput : EnterpriseProfileInput
{
    [Required(ErrorMessage = "Vui lòng nhập họ tên.")]
    [StringLength(200, ErrorMessage = "Tên quá dài (tối đa 200 ký tự).")]
    [Display(Name = "Họ và tên người đăng ký")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Vui lòng nhập email.")]
    [MailAddress(ErrorMessage = "Email không hợp lệ.")]
    [Display(Name = "Email đăng nhập")]
    public string Email { get; set; } = "";

    [Required(ErrorMessage = "Vui lòng nhập mật khẩu.")]
    [DataType(DataType.Password)]
    [Display(Name = "Mật khẩu")]
    public string Password { get; set; } = "";

    [Required(ErrorMessage = "Vui lòng nhập lại mật khẩu.")]
    [DataType(DataType.Password)]
    [Compare(nameof(Password), ErrorMessage = "Mật khẩu nhập lại không khớp.")]
    [Display(Name = "Nhập lại mật khẩu")]
    public string ConfirmPassword { get; set; } = "";
}

/// <summary>Self-registration: the account of the first staff member (owner) plus the enterprise profile, pending
/// verification.</summary>
public sealed class RegisterEnterprise(
    AppDbContext db,
    UserManager<ApplicationUser> users,
    MailOutbox mail,
    TimeProvider time
)
{
    /// <summary>The outcome. <c>Enterprise</c> is null without errors when the e-mail already had an account: the owner
    /// of
    /// that address gets a mail about it and the page answers exactly as for a new registration (no account
    /// enumeration).</summary>
    public sealed record Result(Enterprise? Enterprise, ApplicationUser? User, IReadOnlyList<FieldError> Errors);

    public const string DuplicateTaxCodeMessage =
        "Mã số thuế này đã được đăng ký. Nếu bạn làm việc tại doanh nghiệp đó, hãy đề nghị người quản lý tài khoản "
        + "của doanh nghiệp gửi lời mời qua email (mục Nhân sự) để tham gia, thay vì đăng ký mới.";

    public static string? TaxCodeMessage(TaxCodeError error) =>
        error switch
        {
            TaxCodeError.None => null,
            TaxCodeError.Empty => "Vui lòng nhập mã số thuế.",
            TaxCodeError.NotDigits => "Mã số thuế chỉ gồm chữ số (có thể viết 0314409058-002 cho đơn vị phụ thuộc).",
            TaxCodeError.WrongLength =>
                "Mã số thuế phải có 10 chữ số, hoặc 13 chữ số cho đơn vị phụ thuộc (0314409058-002).",
            TaxCodeError.BadBranchNumber => "Ba số cuối của mã số thuế đơn vị phụ thuộc phải từ 001 đến 999.",
            _ => "Mã số thuế không hợp lệ (sai chữ số kiểm tra). Vui lòng kiểm tra lại.",
        };

    public async Task<Result> RunAsync(RegistrationInput input, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (!TaxCode.TryParse(input.TaxCode, out var tax, out var taxError))
            errors.Add(new(nameof(input.TaxCode), TaxCodeMessage(taxError)!));
        else if (await db.Enterprises.AnyAsync(e => e.TaxCode == tax.Value, ct))
            errors.Add(new(nameof(input.TaxCode), DuplicateTaxCodeMessage));
        var email = input.Email.Trim();
        errors.AddRange(await ReferenceChecks.CheckAsync(db, input, ct));
        if (errors.Count > 0)
            return new(null, null, errors);
        // The password rules first, so a weak password is refused the same way whether or not the e-mail has an
        // account.
        var candidate = new ApplicationUser { UserName = email, Email = email };
        var passwordErrors = new List<FieldError>();
        foreach (var v in users.PasswordValidators)
            if (await v.ValidateAsync(users, candidate, input.Password) is { Succeeded: false } bad)
                passwordErrors.AddRange(bad.Errors.Select(e => new FieldError(nameof(input.Password), e.Description)));
        if (passwordErrors.Count > 0)
            return new(null, null, passwordErrors);
        if (await users.FindByEmailAsync(email) is { } existing)
        {
            users.PasswordHasher.HashPassword(candidate, input.Password); // the same hashing work as a new account
            mail.Enqueue(
                email,
                "Có người vừa đăng ký bằng email của bạn — Sản phẩm công nghiệp chủ lực Hà Nội",
                $"Kính gửi {existing.DisplayName},\n\nVừa có yêu cầu đăng ký doanh nghiệp {input.NameVi} bằng địa "
                    + $"chỉ email này, "
                    + "nhưng email đã có tài khoản nên không có gì được tạo thêm. Nếu đó là bạn, hãy đăng nhập, hoặc "
                    + "dùng chức năng "
                    + "\"Quên mật khẩu?\" trên trang đăng nhập. Nếu không phải bạn, có thể bỏ qua thư này.\n"
            );
            await db.SaveChangesAsync(ct);
            return new(null, null, []);
        }

        var now = time.GetUtcNow();
        var enterprise = new Enterprise
        {
            TaxCode = tax.Value,
            CreatedAt = now,
            Status = EnterpriseStatus.Pending,
        };
        input.ApplyTo(enterprise);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Enterprises.Add(enterprise);
        await db.SaveChangesAsync(ct);
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            DisplayName = input.DisplayName.Trim(),
            EnterpriseId = enterprise.Id,
            IsEnterpriseOwner = true,
            CreatedAt = now,
        };
        var created = await users.CreateAsync(user, input.Password);
        if (!created.Succeeded)
        {
            await tx.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new(
                null,
                null,
                created.Errors.Select(e => new FieldError(nameof(input.Password), e.Description)).ToList()
            );
        }
        await users.AddToRoleAsync(user, Roles.Enterprise);
        mail.Enqueue(
            email,
            "Đã nhận đăng ký doanh nghiệp — Sản phẩm công nghiệp chủ lực Hà Nội",
            $"Kính gửi {user.DisplayName},\n\nHệ thống đã nhận hồ sơ đăng ký của {enterprise.NameVi} (MST "
                + $"{enterprise.TaxCode}). "
                + "Cán bộ Sở Công Thương sẽ xác minh và thông báo kết quả qua email.\n"
        );
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(enterprise, user, []);
    }
}

/// <summary>Checks that chosen sector and administrative units exist, so a forged form cannot store dangling
/// codes.</summary>
public static class ReferenceChecks
{
    public static async Task<List<FieldError>> CheckAsync(
        AppDbContext db,
        EnterpriseProfileInput input,
        CancellationToken ct
    )
    {
        var errors = new List<FieldError>();
        if (input.SectorId is { } s && !await db.Sectors.AnyAsync(x => x.Id == s, ct))
            errors.Add(new(nameof(input.SectorId), "Ngành không hợp lệ."));
        foreach (
            var (field, code) in new[]
            {
                (nameof(input.HeadOfficeCommune), input.HeadOfficeCommune),
                (nameof(input.HeadOfficeDistrict), input.HeadOfficeDistrict),
                (nameof(input.FactoryCommune), input.FactoryCommune),
            }
        )
            if (
                !string.IsNullOrWhiteSpace(code)
                && !await db.AdministrativeUnits.AnyAsync(u => u.Code == code.Trim(), ct)
            )
                errors.Add(new(field, "Đơn vị hành chính không hợp lệ."));
        return errors;
    }
}
