using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Cases.Calendar;
using OneStop.Documents.Counters;
using OneStop.Documents.Pickup;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Documents.Appointments;

/// <summary>A counter where a document may be collected, with its hours read.</summary>
public sealed record CounterOffer(Counter Counter, OpeningHours Hours);

/// <summary>A day with at least one time that still has places.</summary>
public sealed record DayOffer(DateOnly Day, int Times);

/// <summary>A time of a day and how many places it has left (never 0: full times are not offered).</summary>
public sealed record SlotOffer(SlotTime Slot, int PlacesLeft);

/// <summary>
/// What may be booked for a document: the template's active counters, the days of the booking horizon on which
/// they open (public holidays and closed days left out, <see cref="SlotRules"/>), and the times with places left
/// (capacity less <see cref="CounterSlot.Booked"/>; a time nobody booked yet has the counter's full capacity).
/// What is shown can be out of date a moment later: <see cref="Bookings"/> decides, with its conditional UPDATE.
/// </summary>
public sealed class BookingCalendar(OneStopDb db, IOptions<DocumentsOptions> options, TimeProvider clock)
{
    public int HorizonDays => options.Value.BookingHorizonDays;

    /// <summary>The counters the template names, in its order, that exist and are open for bookings.</summary>
    public async Task<IReadOnlyList<CounterOffer>> CountersAsync(HolderDocument target, CancellationToken cancellationToken = default)
    {
        if (target.Counters.Count == 0) return [];
        var codes = target.Counters.ToList();
        var counters = await db.Set<Counter>().AsNoTracking().Where(c => codes.Contains(c.Code) && c.Active).ToListAsync(cancellationToken);
        return counters.OrderBy(c => codes.IndexOf(c.Code))
            .Select(c => OpeningHours.Parse(c.OpeningHours, out _) is { } hours ? new CounterOffer(c, hours) : null)
            .OfType<CounterOffer>().ToList();
    }

    public async Task<CounterOffer?> CounterAsync(HolderDocument target, string code, CancellationToken cancellationToken = default) =>
        (await CountersAsync(target, cancellationToken)).FirstOrDefault(c => c.Counter.Code == code);

    /// <summary>The days from today to the horizon with a time that has places left.</summary>
    public async Task<IReadOnlyList<DayOffer>> DaysAsync(CounterOffer counter, CancellationToken cancellationToken = default)
    {
        var today = HongKongTime.Today(clock);
        var slots = await OpenSlotsAsync(counter, today, today.AddDays(HorizonDays), cancellationToken);
        return slots.GroupBy(s => DayOf(s.Slot)).Select(g => new DayOffer(g.Key, g.Count())).ToList();
    }

    /// <summary>The times of one day that can still be booked and have places left.</summary>
    public Task<IReadOnlyList<SlotOffer>> SlotsAsync(CounterOffer counter, DateOnly day, CancellationToken cancellationToken = default) =>
        OpenSlotsAsync(counter, day, day, cancellationToken);

    /// <summary>The slot starting at <paramref name="startUtc"/> if the counter offers it and it can be booked now (full or not); otherwise null.</summary>
    public async Task<SlotTime?> FindAsync(CounterOffer counter, DateTime startUtc, CancellationToken cancellationToken = default)
    {
        var day = DateOnly.FromDateTime(SlotRules.ToHongKong(startUtc));
        var holidays = await HolidaysAsync(day, day, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return SlotRules.SlotsOn(day, counter.Hours, counter.Counter.SlotMinutes, holidays)
            .FirstOrDefault(s => s.StartUtc == startUtc && SlotRules.Bookable(s, now, HorizonDays));
    }

    public static DateOnly DayOf(SlotTime slot) => DateOnly.FromDateTime(SlotRules.ToHongKong(slot.StartUtc));

    private async Task<IReadOnlyList<SlotOffer>> OpenSlotsAsync(CounterOffer counter, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var holidays = await HolidaysAsync(from, to, cancellationToken);
        var slots = new List<SlotTime>();
        for (var day = from; day <= to; day = day.AddDays(1))
            slots.AddRange(SlotRules.SlotsOn(day, counter.Hours, counter.Counter.SlotMinutes, holidays).Where(s => SlotRules.Bookable(s, now, HorizonDays)));
        if (slots.Count == 0) return [];
        var (first, last) = (slots[0].StartUtc, slots[^1].StartUtc);
        var code = counter.Counter.Code;
        var taken = await db.Set<CounterSlot>().AsNoTracking()
            .Where(s => s.CounterCode == code && s.Start >= first && s.Start <= last)
            .Select(s => new { s.Start, Left = s.Capacity - s.Booked })
            .ToListAsync(cancellationToken);
        // DateTime equality compares ticks only, so SQLite's unspecified kind matches the UTC starts.
        var left = taken.ToDictionary(s => s.Start, s => s.Left);
        return slots.Select(s => new SlotOffer(s, left.TryGetValue(s.StartUtc, out var l) ? l : counter.Counter.SlotCapacity))
            .Where(s => s.PlacesLeft > 0).ToList();
    }

    private async Task<IReadOnlySet<DateOnly>> HolidaysAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken) =>
        (await db.Set<PublicHoliday>().AsNoTracking().Where(h => h.Date >= from && h.Date <= to).Select(h => h.Date).ToListAsync(cancellationToken)).ToHashSet();
}
