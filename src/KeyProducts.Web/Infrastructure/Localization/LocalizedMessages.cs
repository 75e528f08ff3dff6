using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;

namespace KeyProducts.Web.Infrastructure.Localization;

/// <summary>Model-binding messages in the user's language (the framework's defaults are English only).</summary>
public static class LocalizedBindingMessages
{
    public static void Apply(DefaultModelBindingMessageProvider p)
    {
        var t = new TranslationTable();
        string L(string key) => t.Translate(key, System.Globalization.CultureInfo.CurrentUICulture);
        p.SetValueIsInvalidAccessor(v =>
            string.Format(System.Globalization.CultureInfo.CurrentCulture, L("Giá trị '{0}' không hợp lệ."), v)
        );
        p.SetAttemptedValueIsInvalidAccessor(
            (v, f) =>
                string.Format(
                    System.Globalization.CultureInfo.CurrentCulture,
                    L("Giá trị '{0}' không hợp lệ cho {1}."),
                    v,
                    f
                )
        );
        p.SetMissingBindRequiredValueAccessor(f =>
            string.Format(System.Globalization.CultureInfo.CurrentCulture, L("Thiếu giá trị cho {0}."), f)
        );
        p.SetMissingKeyOrValueAccessor(() => L("Thiếu giá trị."));
        p.SetMissingRequestBodyRequiredValueAccessor(() => L("Thiếu nội dung yêu cầu."));
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(v =>
            string.Format(System.Globalization.CultureInfo.CurrentCulture, L("Giá trị '{0}' không hợp lệ."), v)
        );
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => L("Giá trị không hợp lệ."));
        p.SetNonPropertyValueMustBeANumberAccessor(() => L("Trường này phải là số."));
        p.SetUnknownValueIsInvalidAccessor(f =>
            string.Format(System.Globalization.CultureInfo.CurrentCulture, L("Giá trị không hợp lệ cho {0}."), f)
        );
        p.SetValueMustBeANumberAccessor(f =>
            string.Format(System.Globalization.CultureInfo.CurrentCulture, L("{0} phải là số."), f)
        );
        p.SetValueMustNotBeNullAccessor(f =>
            string.Format(System.Globalization.CultureInfo.CurrentCulture, L("Vui lòng nhập {0}."), f)
        );
    }
}

/// <summary>Identity's messages (password rules, duplicates) in the user's language.</summary>
public sealed class VietnameseIdentityErrors(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    private IdentityError E(string code, string vi, params object[] args) =>
        new() { Code = code, Description = l[vi, args] };

    public override IdentityError DefaultError() => E(nameof(DefaultError), "Đã có lỗi xảy ra.");

    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), "Mật khẩu không đúng.");

    public override IdentityError InvalidToken() => E(nameof(InvalidToken), "Liên kết đã hết hạn hoặc không hợp lệ.");

    public override IdentityError DuplicateEmail(string email) =>
        E(nameof(DuplicateEmail), "Email {0} đã được sử dụng.", email);

    public override IdentityError DuplicateUserName(string userName) =>
        E(nameof(DuplicateUserName), "Tên đăng nhập {0} đã được sử dụng.", userName);

    public override IdentityError InvalidEmail(string? email) =>
        E(nameof(InvalidEmail), "Email {0} không hợp lệ.", email ?? "");

    public override IdentityError PasswordTooShort(int length) =>
        E(nameof(PasswordTooShort), "Mật khẩu phải có ít nhất {0} ký tự.", length);

    public override IdentityError PasswordRequiresDigit() =>
        E(nameof(PasswordRequiresDigit), "Mật khẩu phải có ít nhất một chữ số.");

    public override IdentityError PasswordRequiresUpper() =>
        E(nameof(PasswordRequiresUpper), "Mật khẩu phải có ít nhất một chữ hoa.");

    public override IdentityError PasswordRequiresLower() =>
        E(nameof(PasswordRequiresLower), "Mật khẩu phải có ít nhất một chữ thường.");

    public override IdentityError PasswordRequiresNonAlphanumeric() =>
        E(nameof(PasswordRequiresNonAlphanumeric), "Mật khẩu phải có ít nhất một ký tự đặc biệt.");

    public override IdentityError ConcurrencyFailure() =>
        E(nameof(ConcurrencyFailure), "Dữ liệu đã được người khác thay đổi, vui lòng tải lại trang.");
}
