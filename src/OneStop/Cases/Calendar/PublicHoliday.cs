using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using OneStop.Catalogue;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Cases.Calendar;

/// <summary>
/// A general holiday in Hong Kong: a day on which no working-day pledge runs. Kept as data (the government
/// gazettes each year's list; operators add or correct days in the back office), seeded with
/// <see cref="HongKongHolidays"/>.
/// </summary>
public sealed class PublicHoliday
{
    public DateOnly Date { get; set; }
    public required LocalisedText Name { get; set; }
    public DateTime UpdatedAt { get; set; }
    public Guid? UpdatedBy { get; set; }
}

internal sealed class PublicHolidayConfiguration : IEntityTypeConfiguration<PublicHoliday>
{
    public void Configure(EntityTypeBuilder<PublicHoliday> entity)
    {
        entity.ToTable("PublicHolidays");
        entity.HasKey(h => h.Date);
        entity.Localised(h => h.Name, 200);
    }
}

/// <summary>Loads the holidays a calculation needs; holidays are few, so each calculation reads its range afresh.</summary>
public sealed class WorkingCalendar(OneStopDb db)
{
    /// <summary>Working days able to count <paramref name="days"/> ahead of <paramref name="fromUtc"/> or back to it.</summary>
    public async Task<WorkingDays> AroundAsync(DateTime fromUtc, int days, CancellationToken cancellationToken = default)
    {
        var start = WorkingDays.Day(fromUtc).AddDays(-7);
        // Five working days a week plus at most ~17 holidays a year: twice the count and a month is always enough.
        var end = WorkingDays.Day(fromUtc).AddDays(days * 2 + 31);
        return await RangeAsync(start, end, cancellationToken);
    }

    public async Task<WorkingDays> RangeAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var dates = await db.Set<PublicHoliday>().AsNoTracking()
            .Where(h => h.Date >= from && h.Date <= to)
            .Select(h => h.Date)
            .ToListAsync(cancellationToken);
        return new WorkingDays(dates.ToHashSet());
    }
}
