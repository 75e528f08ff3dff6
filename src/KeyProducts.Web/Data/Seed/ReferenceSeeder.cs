using KeyProducts.Core.Common;
using KeyProducts.Core.Reference;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Data.Seed;

/// <summary>Sectors, agencies, Hanoi's administrative units (see <see cref="HanoiUnits"/>) and a sample of the
/// high-tech list. Idempotent.</summary>
public sealed class ReferenceSeeder : IDemoSeeder
{
    public int Order => 10;

    public async Task SeedAsync(SeedContext ctx, CancellationToken ct)
    {
        var db = ctx.Db;
        if (!await db.Sectors.AnyAsync(ct))
        {
            (string Code, string Vi, string En)[] current =
            [
                ("CKCT", "Cơ khí chế tạo", "Mechanical engineering and manufacturing"),
                ("DDT", "Điện - điện tử", "Electrical and electronics"),
                ("CNTT", "Công nghệ thông tin", "Information technology"),
                ("DMDG", "Dệt may - da giày", "Textiles, garments, leather and footwear"),
                ("CBNS", "Chế biến nông sản - thực phẩm", "Agricultural and food processing"),
                ("HCCN", "Hóa chất - cao su - nhựa - dược phẩm", "Chemicals, rubber, plastics and pharmaceuticals"),
                ("VLXD", "Vật liệu xây dựng", "Construction materials"),
                ("TCMN", "Thủ công mỹ nghệ", "Handicrafts"),
            ];
            var order = 0;
            foreach (var (code, vi, en) in current)
                db.Sectors.Add(
                    new Sector
                    {
                        Code = code,
                        NameVi = vi,
                        NameEn = en,
                        ValidFromYear = 2018,
                        SortOrder = ++order,
                    }
                );
            db.Sectors.Add(
                new Sector
                {
                    Code = "HNHUA-2011",
                    NameVi = "Hóa - nhựa",
                    NameEn = "Chemicals and plastics",
                    ValidFromYear = 2011,
                    ValidToYear = 2017,
                    SortOrder = 20,
                }
            );
            db.Sectors.Add(
                new Sector
                {
                    Code = "GIAYBB-2005",
                    NameVi = "Giấy - bao bì",
                    NameEn = "Paper and packaging",
                    ValidFromYear = 2005,
                    ValidToYear = 2010,
                    SortOrder = 21,
                }
            );
            await db.SaveChangesAsync(ct);
        }

        if (!await db.Agencies.AnyAsync(ct))
        {
            var before = new DateOnly(2008, 8, 1);
            var reform = new DateOnly(2025, 3, 1);
            var taiChinh = new Agency
            {
                Code = "STC",
                Name = "Sở Tài chính",
                ShortName = "STC",
                ValidFrom = reform,
            };
            var nnmt = new Agency
            {
                Code = "SNNMT",
                Name = "Sở Nông nghiệp và Môi trường",
                ShortName = "SNN&MT",
                ValidFrom = reform,
            };
            var khcn = new Agency
            {
                Code = "SKHCN",
                Name = "Sở Khoa học và Công nghệ",
                ShortName = "SKH&CN",
                ValidFrom = before,
            };
            db.Agencies.AddRange(
                taiChinh,
                nnmt,
                khcn,
                new Agency
                {
                    Code = "SCT",
                    Name = "Sở Công Thương",
                    ShortName = "SCT",
                    ValidFrom = before,
                },
                new Agency
                {
                    Code = "CT",
                    Name = "Thuế thành phố Hà Nội",
                    ShortName = "Thuế HN",
                    ValidFrom = before,
                },
                new Agency
                {
                    Code = "HQ",
                    Name = "Chi cục Hải quan khu vực I",
                    ShortName = "Hải quan",
                    ValidFrom = before,
                },
                new Agency
                {
                    Code = "TK",
                    Name = "Thống kê thành phố Hà Nội",
                    ShortName = "Thống kê",
                    ValidFrom = before,
                },
                new Agency
                {
                    Code = "UBND",
                    Name = "Ủy ban nhân dân thành phố Hà Nội",
                    ShortName = "UBND TP",
                    ValidFrom = before,
                }
            );
            await db.SaveChangesAsync(ct);
            db.Agencies.AddRange(
                new Agency
                {
                    Code = "SKHDT",
                    Name = "Sở Kế hoạch và Đầu tư",
                    ShortName = "SKH&ĐT",
                    ValidFrom = before,
                    ValidTo = reform.AddDays(-1),
                    SuccessorId = taiChinh.Id,
                },
                new Agency
                {
                    Code = "STNMT",
                    Name = "Sở Tài nguyên và Môi trường",
                    ShortName = "STN&MT",
                    ValidFrom = before,
                    ValidTo = reform.AddDays(-1),
                    SuccessorId = nnmt.Id,
                },
                new Agency
                {
                    Code = "SNNPTNT",
                    Name = "Sở Nông nghiệp và Phát triển nông thôn",
                    ShortName = "SNN&PTNT",
                    ValidFrom = before,
                    ValidTo = reform.AddDays(-1),
                    SuccessorId = nnmt.Id,
                },
                new Agency
                {
                    Code = "STTTT",
                    Name = "Sở Thông tin và Truyền thông",
                    ShortName = "STT&TT",
                    ValidFrom = before,
                    ValidTo = reform.AddDays(-1),
                    SuccessorId = khcn.Id,
                }
            );
            await db.SaveChangesAsync(ct);
        }

        // Added per code, so an existing database picks up units it lacks.
        var known = (await db.AdministrativeUnits.Select(u => u.Code).ToListAsync(ct)).ToHashSet(
            StringComparer.Ordinal
        );
        foreach (var (code, name, kind) in HanoiUnits.Communes.Where(c => !known.Contains(c.Code)))
            db.AdministrativeUnits.Add(
                new AdministrativeUnit
                {
                    Code = code,
                    Name = name,
                    Kind = kind,
                    Level = UnitLevel.Commune,
                    ValidFrom = HanoiUnits.Reform,
                    SearchName = SearchText.Fold(name),
                }
            );
        foreach (var (code, name, kind) in HanoiUnits.FormerDistricts.Where(d => !known.Contains(d.Code)))
            db.AdministrativeUnits.Add(
                new AdministrativeUnit
                {
                    Code = code,
                    Name = name,
                    Kind = kind,
                    Level = UnitLevel.District,
                    ValidFrom = new DateOnly(2008, 8, 1),
                    ValidTo = HanoiUnits.Reform.AddDays(-1),
                    SearchName = SearchText.Fold(name),
                }
            );
        await db.SaveChangesAsync(ct);

        if (!await db.HighTechProducts.AnyAsync(ct))
        {
            const string list = "38/2020/QĐ-TTg";
            (string Code, string Name)[] items =
            [
                ("PL2-01", "Thiết bị, hệ thống tự động hóa, điều khiển trong sản xuất công nghiệp"),
                ("PL2-12", "Phần mềm quản trị doanh nghiệp tích hợp (ERP) và phần mềm dịch vụ"),
                ("PL2-25", "Đèn LED hiệu suất cao và bộ điều khiển chiếu sáng thông minh"),
                ("PL2-31", "Vật liệu composite, vật liệu tiên tiến dùng trong xây dựng"),
                ("PL2-44", "Thiết bị khóa điện tử, thiết bị an ninh thông minh kết nối Internet vạn vật"),
            ];
            foreach (var (code, name) in items)
                db.HighTechProducts.Add(
                    new HighTechProduct
                    {
                        ListDecision = list,
                        Code = code,
                        Name = name,
                        SearchName = SearchText.Fold(name),
                    }
                );
            await db.SaveChangesAsync(ct);
        }
    }
}
