using KeyProducts.Core.Common;
using KeyProducts.Core.Program;
using KeyProducts.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KeyProducts.Web.Features.Program;

/// <summary>Creates, edits or deletes a published figure or a city denominator (audited). Deleting a year's published
/// count makes the dashboard count that year from the recognition records (decision 0010).</summary>
public sealed class SaveMeasurement(AppDbContext db)
{
    public async Task<Measurement> ExecuteAsync(int? id, int version, Measurement fields, CancellationToken ct)
    {
        var m = id is null
            ? new Measurement()
            : await db.Measurements.FirstOrDefaultAsync(x => x.Id == id, ct)
                ?? throw new DomainException("NoMeasurement", "Không tìm thấy số liệu.");
        if (id is not null)
            db.Entry(m).Property(x => x.Version).OriginalValue = version;
        fields.Unit = KpiIndicators.UnitOf(fields.Indicator);
        fields.Source = fields.Source.Trim();
        fields.Validate();
        if (
            await db.Measurements.AnyAsync(
                x =>
                    x.Id != m.Id && x.Indicator == fields.Indicator && x.Year == fields.Year && x.Basis == fields.Basis,
                ct
            )
        )
            throw new DomainException(
                "MeasurementDuplicate",
                "Đã có số liệu của chỉ số này cho năm {0} với cùng phạm vi; hãy sửa số liệu đó.",
                fields.Year
            );
        MeasurementFields.Copy(fields, m);
        if (id is null)
            db.Measurements.Add(m);
        await db.SaveChangesAsync(ct);
        return m;
    }

    public async Task DeleteAsync(int id, CancellationToken ct)
    {
        var m = await db.Measurements.FirstOrDefaultAsync(x => x.Id == id, ct)
            ?? throw new DomainException("NoMeasurement", "Không tìm thấy số liệu.");
        db.Measurements.Remove(m);
        await db.SaveChangesAsync(ct);
    }
}
