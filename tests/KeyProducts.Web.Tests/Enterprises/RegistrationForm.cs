namespace KeyProducts.Web.Tests.Enterprises;

/// <summary>The fields of /Account/Register as a browser without JavaScript posts them.</summary>
public static class RegistrationForm
{
    public const string Password = "DangKy@2026x";

    public static Dictionary<string, string> Fields(
        string taxCode,
        string email,
        string name = "Công ty TNHH Thử nghiệm"
    ) =>
        new()
        {
            ["Input.TaxCode"] = taxCode,
            ["Input.NameVi"] = name,
            ["Input.NameEn"] = "Test Co., Ltd.",
            ["Input.LegalForm"] = "LimitedLiability",
            ["Input.Ownership"] = "Domestic",
            ["Input.HeadOfficeStreet"] = "Số 1 phố Thử",
            ["Input.HeadOfficeCommune"] = "00166",
            ["Input.HeadOfficeDistrict"] = "D005",
            ["Input.HeadOfficeProvince"] = "Hà Nội",
            ["Input.FactoryStreet"] = "Lô A1 KCN Thăng Long",
            ["Input.FactoryCommune"] = "00454",
            ["Input.ContactName"] = "Nguyễn Văn Thử",
            ["Input.ContactPhone"] = "024 3825 1234",
            ["Input.ContactEmail"] = email,
            ["Input.DisplayName"] = "Nguyễn Văn Thử",
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        };
}
