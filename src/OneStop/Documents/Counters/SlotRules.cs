
namespace OneStop.Documents.Counters;

/// <summary>A slot of a day at a counter: its start (UTC), and its places left.</summary>
public sealed record SlotTime(DateTime StartUtc, TimeOnly LocalStart, TimeOnly LocalEnd);

/// <summary>
/// Which slots a counter offers on a day — pure, so it is unit tested: none on a public holiday or a day it is
/// closed; otherwise each opening period cut into slots of the counter's length (a last piece too short for a
/// slot is not offered). Times are Hong Kong's (UTC+8 all year: Hong Kong has no daylight saving).
/// </summary>
public static class SlotRules
{
    private static readonly TimeSpan HongKongOffset = TimeSpan.FromHours(8);

    public static IReadOnlyList<SlotTime> SlotsOn(DateOnly day, OpeningHours hours, int slotMinutes, IReadOnlySet<DateOnly> holidays)
    {
        if (slotMinutes <= 0) throw new ArgumentOutOfRangeException(nameof(slotMinutes));
        if (holidays.Contains(day)) return [];
        var slots = new List<SlotTime>();
        foreach (var period in hours.On(day.DayOfWeek))
        {
            for (var start = period.From; start.AddMinutes(slotMinutes) <= period.To && start.AddMinutes(slotMinutes) > start; start = start.AddMinutes(slotMinutes))
                slots.Add(new SlotTime(ToUtc(day, start), start, start.AddMinutes(slotMinutes)));
        }
        return slots;
    }

    /// <summary>Whether a slot can still be booked at <paramref name="nowUtc"/>: it starts later, and within the booking horizon (in Hong Kong days).</summary>
    public static bool Bookable(SlotTime slot, DateTime nowUtc, int horizonDays) =>
        slot.StartUtc > nowUtc && DateOnly.FromDateTime(slot.StartUtc + HongKongOffset) <= DateOnly.FromDateTime(nowUtc + HongKongOffset).AddDays(horizonDays);

    public static DateTime ToUtc(DateOnly day, TimeOnly local) => DateTime.SpecifyKind(day.ToDateTime(local) - HongKongOffset, DateTimeKind.Utc);

    public static DateTime ToHongKong(DateTime utc) => utc + HongKongOffset;
}
