using System.Globalization;
using OneStop.Documents.Counters;
using OneStop.Forms.Answers;
using OneStop.Platform.Localisation;

namespace OneStop.Documents.Appointments;

/// <summary>Days, times and opening hours in words, in a given language (pages, and the confirmation notification in all three).</summary>
public static class BookingWords
{
    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"Tuesday 3 March 2026" or "2026年3月3日（星期二）".</summary>
    public static string Day(DateOnly day, Language language, Text text)
    {
        var weekday = text.Get(language, "appointments.weekday." + OpeningHours.KeyOf(day.DayOfWeek));
        return language == Language.En ? $"{weekday} {Dates.Long(day, language)}" : $"{Dates.Long(day, language)}（{weekday}）";
    }

    /// <summary>"09:30 to 10:00" in the language's words.</summary>
    public static string Period(TimeOnly from, TimeOnly to, Language language, Text text) =>
        string.Format(CultureInfo.InvariantCulture, text.Get(language, "appointments.period"), Time(from), Time(to));

    /// <summary>A slot's day and time: "Tuesday 3 March 2026, 09:30 to 10:00".</summary>
    public static string When(DateTime startUtc, int slotMinutes, Language language, Text text)
    {
        var local = SlotRules.ToHongKong(startUtc);
        var from = TimeOnly.FromDateTime(local);
        return string.Format(CultureInfo.InvariantCulture, text.Get(language, "appointments.whenFormat"),
            Day(DateOnly.FromDateTime(local), language, text), Period(from, from.AddMinutes(slotMinutes), language, text));
    }

    /// <summary>
    /// The week's hours as lines, days with the same hours run together ("Monday to Friday: 09:00 to 13:00,
    /// 14:00 to 17:00"), then the days it is closed, always with public holidays.
    /// </summary>
    public static IReadOnlyList<string> Hours(OpeningHours hours, Language language, Text text)
    {
        var lines = new List<string>();
        var keys = OpeningHours.DayKeys;
        string Name(int i) => text.Get(language, "appointments.weekday." + keys[i]);
        string Periods(int i) => string.Join(", ", hours.On(OpeningHours.DayOf(keys[i])).Select(p => Period(p.From, p.To, language, text)));
        for (var i = 0; i < keys.Length;)
        {
            var periods = Periods(i);
            var end = i;
            while (end + 1 < keys.Length && Periods(end + 1) == periods) end++;
            if (periods.Length > 0)
            {
                var days = end == i ? Name(i) : string.Format(CultureInfo.InvariantCulture, text.Get(language, "appointments.hours.range"), Name(i), Name(end));
                lines.Add(string.Format(CultureInfo.InvariantCulture, text.Get(language, "appointments.hours.line"), days, periods));
            }
            i = end + 1;
        }
        var closed = Enumerable.Range(0, keys.Length).Where(i => Periods(i).Length == 0).Select(Name).ToList();
        closed.Add(text.Get(language, "appointments.hours.holidays"));
        lines.Add(string.Format(CultureInfo.InvariantCulture, text.Get(language, "appointments.hours.closed"), string.Join(text.Get(language, "appointments.hours.separator"), closed)));
        return lines;
    }
}
