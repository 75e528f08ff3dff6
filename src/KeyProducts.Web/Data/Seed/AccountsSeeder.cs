using KeyProducts.Core.Enterprises;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Data.Seed;

/// <summary>One demo account per role and invented enterprises with products. Development only.</summary>
public sealed class AccountsSeeder : IDemoSeeder
{
    public const string DemoPassword = "Demo@12345";
    public const string AdminEmail = "quantri@spcncl.demo.vn";
    public const string OfficerEmail = "canbo@spcncl.demo.vn";
    public const string CouncilEmail = "hoidong@spcncl.demo.vn";
    public const string LeaderEmail = "lanhdao@spcncl.demo.vn";
    public const string EnterpriseEmail = "doanhnghiep@spcncl.demo.vn";
    public const string OtherEnterpriseEmail = "doanhnghiep2@spcncl.demo.vn";

    public int Order => 30;

    public async Task SeedAsync(SeedContext ctx, CancellationToken ct)
    {
        var db = ctx.Db;
        if (!await db.Enterprises.AnyAsync(ct))
        {
            var sectors = await db.Sectors.ToDictionaryAsync(s => s.Code, s => s.Id, ct);
            var now = ctx.Time.GetUtcNow();
            foreach (var e in DemoEnterprises.All(sectors, now))
                db.Enterprises.Add(e);
            await db.SaveChangesAsync(ct);
            var enterprises = await db.Enterprises.ToDictionaryAsync(e => e.TaxCode, e => e, ct);
            foreach (var p in DemoEnterprises.Products(sectors, enterprises, now))
                db.Products.Add(p);
            await db.SaveChangesAsync(ct);
        }

        var first = await db.Enterprises.OrderBy(e => e.Id).FirstAsync(ct);
        var second = await db.Enterprises.OrderBy(e => e.Id).Skip(1).FirstAsync(ct);
        await EnsureUser(ctx, AdminEmail, "Trần Quốc Toàn", Roles.Admin);
        await EnsureUser(ctx, OfficerEmail, "Nguyễn Thị Thu Hà", Roles.Officer);
        await EnsureUser(ctx, CouncilEmail, "PGS.TS. Lê Văn Minh", Roles.CouncilMember);
        await EnsureUser(ctx, "hoidong2@spcncl.demo.vn", "Phạm Thị Lan", Roles.CouncilMember);
        await EnsureUser(ctx, "hoidong3@spcncl.demo.vn", "Đỗ Mạnh Cường", Roles.CouncilMember);
        await EnsureUser(ctx, LeaderEmail, "Vũ Đức Thắng", Roles.Leader);
        await EnsureUser(ctx, EnterpriseEmail, "Hoàng Văn Nam", Roles.Enterprise, first.Id);
        await EnsureUser(ctx, OtherEnterpriseEmail, "Bùi Thị Hồng", Roles.Enterprise, second.Id);
    }

    /// <summary>Creates a demo account with <see cref="DemoPassword"/>. The demo password predates the 12-character
    /// policy,
    /// which applies to the passwords people choose, so it is hashed here without the policy; demo and test data
    /// only.</summary>
    public static Task<IdentityResult> CreateWithDemoPasswordAsync(
        UserManager<ApplicationUser> users,
        ApplicationUser user
    )
    {
        user.PasswordHash = users.PasswordHasher.HashPassword(user, DemoPassword);
        return users.CreateAsync(user);
    }

    private static async Task EnsureUser(
        SeedContext ctx,
        string email,
        string name,
        string role,
        int? enterpriseId = null
    )
    {
        if (await ctx.Users.FindByEmailAsync(email) is not null)
            return;
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = name,
            EnterpriseId = enterpriseId,
            IsEnterpriseOwner = enterpriseId is not null,
            CreatedAt = ctx.Time.GetUtcNow(),
        };
        var result = await CreateWithDemoPasswordAsync(ctx.Users, user);
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        await ctx.Users.AddToRoleAsync(user, role);
    }
}

/// <summary>Invented enterprises (valid check digits, not real companies) and their products.</summary>
public static class DemoEnterprises
{
    private sealed record Spec(
        string Tax,
        string Name,
        string? En,
        string Sector,
        Ownership Own,
        string Street,
        string Commune,
        string District
    );

    private static readonly Spec[] Specs =
    [
        new(
            "0101234565",
            "Công ty Cổ phần Cáp điện Sông Hồng",
            "Song Hong Power Cable JSC",
            "DDT",
            Ownership.Domestic,
            "Số 12 đường Nguyễn Văn Linh",
            "00145",
            "D004"
        ),
        new(
            "0102345677",
            "Công ty TNHH Cơ khí chính xác Thăng Long",
            "Thang Long Precision Engineering Co., Ltd.",
            "CKCT",
            Ownership.Domestic,
            "Lô B3, KCN Thăng Long",
            "00454",
            "D017"
        ),
        new(
            "0103456789",
            "Công ty Cổ phần Phần mềm Sao Việt",
            "Sao Viet Software JSC",
            "CNTT",
            Ownership.Domestic,
            "Tầng 9, số 68 Trần Thái Tông",
            "00166",
            "D005"
        ),
        new(
            "0104567890",
            "Công ty Cổ phần Gốm sứ Bát Tràng Xanh",
            "Bat Trang Xanh Ceramics JSC",
            "TCMN",
            Ownership.Domestic,
            "Thôn 2, xã Bát Tràng",
            "00577",
            "D018"
        ),
        new(
            "0105678917",
            "Công ty TNHH Điện tử Hòa Lạc Việt Nam",
            "Hoa Lac Electronics Vietnam Co., Ltd.",
            "DDT",
            Ownership.Fdi,
            "Lô CN2, Khu công nghệ cao Hòa Lạc",
            "09988",
            "D276"
        ),
        new(
            "0107891239",
            "Công ty Cổ phần Thực phẩm Hồ Tây",
            "Ho Tay Foods JSC",
            "CBNS",
            Ownership.Domestic,
            "Số 5 phố Thụy Khuê",
            "00103",
            "D003"
        ),
        new(
            "0108912347",
            "Tổng công ty May Đông Đô",
            "Dong Do Garment Corporation",
            "DMDG",
            Ownership.StateOwned,
            "Số 25 phố Minh Khai",
            "00256",
            "D007"
        ),
        new(
            "0109123458",
            "Công ty Cổ phần Nhựa kỹ thuật Phương Đông",
            "Phuong Dong Technical Plastics JSC",
            "HCCN",
            Ownership.Domestic,
            "KCN Phố Nối mở rộng, xã Thường Tín",
            "10183",
            "D279"
        ),
        new(
            "0101987657",
            "Công ty Cổ phần Đá thạch anh Việt Nhật",
            "Viet Nhat Quartz Stone JSC",
            "VLXD",
            Ownership.Domestic,
            "Km 15 Đại lộ Thăng Long",
            "09556",
            "D268"
        ),
        new(
            "0102876540",
            "Công ty Cổ phần Khóa thông minh An Phát",
            "An Phat Smart Lock JSC",
            "DDT",
            Ownership.Domestic,
            "Số 88 Láng Hạ",
            "00235",
            "D006"
        ),
    ];

    public static IEnumerable<Enterprise> All(IReadOnlyDictionary<string, int> sectors, DateTimeOffset now) =>
        Specs.Select(
            (s, i) =>
                new Enterprise
                {
                    TaxCode = s.Tax,
                    NameVi = s.Name,
                    NameEn = s.En,
                    LegalForm = s.Name.Contains("TNHH", StringComparison.Ordinal)
                        ? LegalForm.LimitedLiability
                        : LegalForm.JointStock,
                    Ownership = s.Own,
                    SectorId = sectors[s.Sector],
                    HeadOffice = new Address
                    {
                        Street = s.Street,
                        CommuneCode = s.Commune,
                        DistrictCode = s.District,
                    },
                    ContactName = "Phòng Kinh doanh",
                    ContactPhone = $"024 38{i:00} 56{i:00}",
                    ContactEmail = $"lienhe{i + 1}@dn{i + 1}.demo.vn",
                    Status = i == 9 ? EnterpriseStatus.Pending : EnterpriseStatus.Verified,
                    CreatedAt = now.AddDays(-400 + i),
                    VerifiedAt = i == 9 ? null : now.AddDays(-390 + i),
                    Factories =
                    [
                        new Factory
                        {
                            Name = "Nhà máy sản xuất",
                            Address = new Address
                            {
                                Street = s.Street,
                                CommuneCode = s.Commune,
                                DistrictCode = s.District,
                            },
                        },
                    ],
                }
        );

    public static IEnumerable<Product> Products(
        IReadOnlyDictionary<string, int> sectors,
        IReadOnlyDictionary<string, Enterprise> byTax,
        DateTimeOffset now
    )
    {
        (string Tax, string Name, string? Model, string Sector, bool HighTech, string? HtCode, string Certs)[] items =
        [
            (
                "0101234565",
                "Cáp điện lực hạ thế ruột đồng cách điện XLPE",
                "CXV 0,6/1kV",
                "DDT",
                false,
                null,
                "ISO 9001:2015\nTCVN 5935-1:2013"
            ),
            (
                "0101234565",
                "Cáp điện chống cháy, ít khói",
                "CXV/FR 0,6/1kV",
                "DDT",
                false,
                null,
                "ISO 9001:2015\nIEC 60331"
            ),
            (
                "0102345677",
                "Khuôn mẫu chính xác cho linh kiện ô tô",
                "TLM-AUTO",
                "CKCT",
                false,
                null,
                "ISO 9001:2015\nIATF 16949:2016"
            ),
            (
                "0103456789",
                "Phần mềm quản trị doanh nghiệp Sao Việt ERP",
                "SV-ERP 5.0",
                "CNTT",
                true,
                "PL2-12",
                "ISO/IEC 27001:2022\nCMMI Level 3"
            ),
            ("0104567890", "Bình gốm men lam vẽ tay", "BT-LAM", "TCMN", false, null, "Nhãn hiệu tập thể Gốm Bát Tràng"),
            (
                "0105678917",
                "Bảng mạch điều khiển tự động hóa",
                "HL-PLC200",
                "DDT",
                true,
                "PL2-01",
                "ISO 9001:2015\nISO 14001:2015"
            ),
            ("0107891239", "Sữa chua uống men sống", "HT-Yo", "CBNS", false, null, "ISO 22000:2018\nHACCP"),
            ("0108912347", "Áo jacket xuất khẩu cao cấp", "DD-JK", "DMDG", false, null, "WRAP\nISO 9001:2015"),
            ("0109123458", "Ống nhựa HDPE kỹ thuật", "PD-HDPE", "HCCN", false, null, "ISO 9001:2015\nTCVN 7305:2008"),
            (
                "0101987657",
                "Đá thạch anh nhân tạo ốp lát cao cấp",
                "VN-Quartz",
                "VLXD",
                true,
                "PL2-31",
                "ISO 9001:2015\nNSF/ANSI 51"
            ),
            (
                "0102876540",
                "Khóa cửa điện tử thông minh nhận diện vân tay",
                "AP-Lock X1",
                "DDT",
                true,
                "PL2-44",
                "ISO 9001:2015"
            ),
        ];
        return items.Select(
            (p, i) =>
                new Product
                {
                    EnterpriseId = byTax[p.Tax].Id,
                    Name = p.Name,
                    Model = p.Model,
                    SectorId = sectors[p.Sector],
                    IsHighTech = p.HighTech,
                    HighTechCode = p.HtCode,
                    Certifications = p.Certs,
                    CreatedAt = now.AddDays(-380 + i),
                    Description = $"{p.Name} do {byTax[p.Tax].NameVi} sản xuất tại Hà Nội.",
                    IntellectualProperties =
                    [
                        new IntellectualProperty
                        {
                            Kind = IpKind.Trademark,
                            Number = $"4-0{3 + i}{1234 + i * 7}-000",
                            GrantedOn = new DateOnly(2019 + i % 5, 3 + i % 9, 10 + i),
                            Title = p.Model,
                        },
                    ],
                }
        );
    }
}
