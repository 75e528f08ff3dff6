using System.ComponentModel.DataAnnotations;
using KeyProducts.Core.Enterprises;
using KeyProducts.Web.Infrastructure.Mail;

namespace KeyProducts.Web.Features.Enterprises;

/// <summary>The profile fields an enterprise fills in at registration and when correcting its profile.</summary>
public class EnterpriseProfileInput
{
    [Required(ErrorMessage = "Vui lòng nhập mã số thuế.")]
    [Display(Name = "Mã số thuế")]
    public string TaxCode { get; set; } = "";

    [Required(ErrorMessage = "Vui lòng nhập tên doanh nghiệp.")]
    [StringLength(300, ErrorMessage = "Tên quá dài (tối đa 300 ký tự).")]
    [Display(Name = "Tên doanh nghiệp (tiếng Việt)")]
    public string NameVi { get; set; } = "";

    [StringLength(300, ErrorMessage = "Tên quá dài (tối đa 300 ký tự).")]
    [Display(Name = "Tên tiếng Anh")]
    public string? NameEn { get; set; }

    [Display(Name = "Loại hình doanh nghiệp")]
    public LegalForm LegalForm { get; set; } = LegalForm.JointStock;

    [Display(Name = "Sở hữu")]
    public Ownership Ownership { get; set; } = Ownership.Domestic;

    [Required(ErrorMessage = "Vui lòng nhập địa chỉ trụ sở chính.")]
    [StringLength(300, ErrorMessage = "Địa chỉ quá dài (tối đa 300 ký tự).")]
    [Display(Name = "Địa chỉ trụ sở chính (số nhà, đường)")]
    public string HeadOfficeStreet { get; set; } = "";

    [Display(Name = "Phường/xã (từ 01/07/2025)")]
    public string? HeadOfficeCommune { get; set; }

    [Display(Name = "Quận/huyện cũ (trước 01/07/2025)")]
    public string? HeadOfficeDistrict { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập tỉnh/thành phố.")]
    [Display(Name = "Tỉnh/thành phố")]
    public string HeadOfficeProvince { get; set; } = "Hà Nội";

    [StringLength(300, ErrorMessage = "Địa chỉ quá dài (tối đa 300 ký tự).")]
    [Display(Name = "Địa chỉ nhà xưởng (số nhà, đường)")]
    public string? FactoryStreet { get; set; }

    [Display(Name = "Phường/xã của nhà xưởng")]
    public string? FactoryCommune { get; set; }

    [Display(Name = "Ngành chính")]
    public int? SectorId { get; set; }

    [Required(ErrorMessage = "Vui lòng nhập người liên hệ.")]
    [StringLength(200, ErrorMessage = "Tên quá dài (tối đa 200 ký tự).")]
    [Display(Name = "Người liên hệ")]
    public string ContactName { get; set; } = "";

    [Required(ErrorMessage = "Vui lòng nhập số điện thoại.")]
    [RegularExpression(@"^[0-9 +().-]{8,20}$", ErrorMessage = "Số điện thoại không hợp lệ.")]
    [Display(Name = "Điện thoại")]
    public string ContactPhone { get; set; } = "";

    [Required(ErrorMessage = "Vui lòng nhập email liên hệ.")]
    [MailAddress(ErrorMessage = "Email không hợp lệ.")]
    [Display(Name = "Email liên hệ")]
    public string ContactEmail { get; set; } = "";

    [Url(ErrorMessage = "Địa chỉ website không hợp lệ (bắt đầu bằng http:// hoặc https://).")]
    [Display(Name = "Website")]
    public string? Website { get; set; }

    public static EnterpriseProfileInput From(Enterprise e) =>
        new()
        {
            TaxCode = e.TaxCode,
            NameVi = e.NameVi,
            NameEn = e.NameEn,
            LegalForm = e.LegalForm,
            Ownership = e.Ownership,
            HeadOfficeStreet = e.HeadOffice.Street,
            HeadOfficeCommune = e.HeadOffice.CommuneCode,
            HeadOfficeDistrict = e.HeadOffice.DistrictCode,
            HeadOfficeProvince = e.HeadOffice.Province,
            SectorId = e.SectorId,
            FactoryStreet = e.Factories.FirstOrDefault()?.Address.Street,
            FactoryCommune = e.Factories.FirstOrDefault()?.Address.CommuneCode,
            ContactName = e.ContactName,
            ContactPhone = e.ContactPhone,
            ContactEmail = e.ContactEmail,
            Website = e.Website,
        };

    /// <summary>Copies everything but the tax code, which identifies the enterprise and never changes after
    /// registration.</summary>
    public void ApplyTo(Enterprise e)
    {
        e.NameVi = NameVi.Trim();
        e.NameEn = string.IsNullOrWhiteSpace(NameEn) ? null : NameEn.Trim();
        e.LegalForm = LegalForm;
        e.Ownership = Ownership;
        e.HeadOffice = new Address
        {
            Street = HeadOfficeStreet.Trim(),
            CommuneCode = Blank(HeadOfficeCommune),
            DistrictCode = Blank(HeadOfficeDistrict),
            Province = HeadOfficeProvince.Trim(),
        };
        e.SectorId = SectorId;
        e.ContactName = ContactName.Trim();
        e.ContactPhone = ContactPhone.Trim();
        e.ContactEmail = ContactEmail.Trim();
        e.Website = Blank(Website);
        if (string.IsNullOrWhiteSpace(FactoryStreet))
        {
            e.Factories.Clear();
            return;
        }
        var factory = e.Factories.FirstOrDefault();
        if (factory is null)
            e.Factories.Add(factory = new Factory { Name = "Nhà xưởng" });
        factory.Address = new Address
        {
            Street = FactoryStreet.Trim(),
            CommuneCode = Blank(FactoryCommune),
            Province = "Hà Nội",
        };
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
