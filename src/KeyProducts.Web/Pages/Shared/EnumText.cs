using KeyProducts.Core.Council;
using KeyProducts.Core.Dossiers;
using KeyProducts.Core.Enterprises;
using KeyProducts.Core.Outreach;
using KeyProducts.Core.Program;
using KeyProducts.Core.Recognition;
using KeyProducts.Core.Reference;
using KeyProducts.Core.Rounds;
using KeyProducts.Core.Rulebook;
using KeyProducts.Core.Support;
using KeyProducts.Web.Features.Council.Documents;
using KeyProducts.Web.Features.Dossiers;
using KeyProducts.Web.Features.Enterprises;
using KeyProducts.Web.Features.Outreach;
using KeyProducts.Web.Features.Program;
using KeyProducts.Web.Features.Rounds;
using KeyProducts.Web.Features.Support;
using KeyProducts.Web.Pages.Admin.Reference;
using KeyProducts.Web.Pages.Secretariat.Rulebook;

namespace KeyProducts.Web.Pages.Shared;

/// <summary>The Vietnamese name (a localizer key) of a value of any enum stored on an audited record, the name the
/// pages already show for it (status badges, select lists), so its English comes with it. One entry per enum type,
/// not per field: the audit log finds a field's enum from its CLR property type. AuditEnumTests fails on an enum
/// type or value without a name here.</summary>
public static class EnumText
{
    /// <summary>The name of a defined value; null for a value its enum does not define or an enum without
    /// names.</summary>
    public static string? Of(Enum value) =>
        !Enum.IsDefined(value.GetType(), value)
            ? null
            : value switch
            {
                EnterpriseStatus v => EnterpriseStatusText.Of(v),
                LegalForm v => EnterpriseText.Of(v),
                Ownership v => EnterpriseText.Of(v),
                IpKind v => IpLines.KindText(v),
                DossierState v => DossierStateText.Of(v),
                SupplementTarget v => DossierStateText.Target(v),
                Actor v => Of(v),
                SupportState v => SupportStateText.Of(v),
                CouncilRole v => CouncilMemberLine.RoleName(v),
                SheetStatus v => Of(v),
                RoundStatus v => RoundText.Of(v),
                DocumentKind v => RoundText.Of(v),
                AnnualReportState v => AnnualReportText.State(v),
                KpiIndicator v => KpiIndicators.NameVi(v),
                KpiUnit v => KpiText.Unit(v),
                FigureBasis v => KpiText.Basis(v),
                UnitLevel v => v == UnitLevel.District ? "Quận, huyện" : "Phường, xã",
                UnitKind v => UnitsModel.KindText(v),
                CertificateKind v => v == CertificateKind.Top10
                    ? "Top 10 sản phẩm công nghiệp chủ lực"
                    : "Sản phẩm công nghiệp chủ lực",
                CriteriaSetStatus v => RulebookText.Of(v),
                TrackKind v => RulebookText.Of(v),
                ScoringMode v => RulebookText.Of(v),
                TieBreak v => RulebookText.Of(v),
                DisagreementBasis v => RulebookText.Of(v),
                AveragingMethod v => RulebookText.Of(v),
                EventKind v => OutreachText.Of(v),
                PlaceKind v => OutreachText.Of(v),
                RegistrationStatus v => OutreachText.Of(v),
                MobilizationStage v => OutreachText.Of(v),
                ContactKind v => OutreachText.Of(v),
                TargetFlags v => OutreachText.Of(v).SingleOrDefault(),
                _ => null,
            };

    /// <summary>The names of a value as a list: one name, or for a [Flags] enum the name of each flag set (none for
    /// zero). Null when a value or one of its flags has no name.</summary>
    public static IReadOnlyList<string>? Names(Enum value)
    {
        var type = value.GetType();
        if (!type.IsDefined(typeof(FlagsAttribute), false))
            return Of(value) is { } name ? [name] : null;
        var bits = Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture);
        var names = new List<string>();
        foreach (Enum flag in Enum.GetValues(type))
        {
            var f = Convert.ToInt64(flag, System.Globalization.CultureInfo.InvariantCulture);
            if (f == 0 || (bits & f) != f || Of(flag) is not { } name)
                continue;
            names.Add(name);
            bits &= ~f;
        }
        return bits == 0 ? names : null;
    }

    /// <summary>Who acted on a dossier or a support application.</summary>
    public static string Of(Actor a) =>
        a switch
        {
            Actor.Enterprise => "Doanh nghiệp",
            Actor.Officer => "Cán bộ Sở Công Thương",
            Actor.Council => "Hội đồng",
            Actor.Leader => "Lãnh đạo Thành phố",
            _ => "Hệ thống",
        };

    /// <summary>A council member's score sheet, as the council's home page shows it.</summary>
    public static string Of(SheetStatus s) =>
        s switch
        {
            SheetStatus.Draft => "Bản nháp",
            SheetStatus.Submitted => "Đã nộp",
            _ => "Được mở lại",
        };
}
