using OneStop.Platform.Localisation;

namespace OneStop.Cases.Calendar;

/// <summary>
/// Working-day arithmetic in Hong Kong time: Monday to Friday except general holidays. Pledges count from
/// the day after receipt, as departments' performance pledges do: an application received on Friday with a
/// 10-working-day pledge is due by the end of the tenth working day after it. Pure over the holiday set
/// it is given (<see cref="WorkingCalendar"/> loads it), so the arithmetic is unit-tested without a database.
/// </summary>
public sealed class WorkingDays(IReadOnlySet<DateOnly> holidays)
{
    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day);

    /// <summary>The <paramref name="days"/>th working day after <paramref name="day"/> (never the day itself).</summary>
    public DateOnly Add(DateOnly day, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var d = day;
        for (var counted = 0; counted < days;)
        {
            d = d.AddDays(1);
            if (IsWorkingDay(d)) counted++;
        }
        return d;
    }

    /// <summary>Working days in (<paramref name="from"/>, <paramref name="to"/>]: how many of them passed from one day to a later one.</summary>
    public int Between(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            if (IsWorkingDay(d)) count++;
        return count;
    }

    /// <summary>
    /// When a target of <paramref name="days"/> working days from <paramref name="startUtc"/> runs out: the
    /// end (midnight, Hong Kong time) of the last allowed day, in UTC.
    /// </summary>
    public DateTime DueAt(DateTime startUtc, int days) => EndOf(Add(Day(startUtc), days));

    /// <summary>The Hong Kong date of a UTC instant.</summary>
    public static DateOnly Day(DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), HongKongTime.Zone));

    /// <summary>Midnight at the end of <paramref name="day"/> in Hong Kong, in UTC.</summary>
    public static DateTime EndOf(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), HongKongTime.Zone);

    /// <summary>The last day a due instant allows (the day before the midnight it names).</summary>
    public static DateOnly LastDay(DateTime dueUtc) => Day(dueUtc.AddTicks(-1));
}
