using System.Globalization;
using System.Text.Json;

namespace OneStop.Documents.Counters;

/// <summary>One opening period of a weekday, Hong Kong time: <c>09:00-13:00</c>.</summary>
public sealed record OpenPeriod(TimeOnly From, TimeOnly To);

/// <summary>
/// A counter's weekly opening hours, as <see cref="Counter.OpeningHours"/> stores them: a JSON object with keys
/// <c>mon</c> … <c>sun</c>, each a list of <c>HH:mm-HH:mm</c> periods, in order and not overlapping. A day
/// left out is closed. Public holidays close every counter (the calendar of case processing).
/// </summary>
public sealed class OpeningHours
{
    public static readonly string[] DayKeys = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
    private readonly Dictionary<DayOfWeek, IReadOnlyList<OpenPeriod>> _days;

    private OpeningHours(Dictionary<DayOfWeek, IReadOnlyList<OpenPeriod>> days) => _days = days;

    public IReadOnlyList<OpenPeriod> On(DayOfWeek day) => _days.GetValueOrDefault(day) ?? [];

    public static DayOfWeek DayOf(string key) => (DayOfWeek)((Array.IndexOf(DayKeys, key) + 1) % 7);

    public static string KeyOf(DayOfWeek day) => DayKeys[((int)day + 6) % 7];

    /// <summary>Reads stored or typed hours; null with the problem (in English, for logs and the CLI) when they do not make sense.</summary>
    public static OpeningHours? Parse(string json, out string? problem)
    {
        Dictionary<string, string[]>? raw;
        try { raw = JsonSerializer.Deserialize<Dictionary<string, string[]>>(json); }
        catch (JsonException) { problem = "Opening hours are not valid JSON."; return null; }
        var days = new Dictionary<DayOfWeek, IReadOnlyList<OpenPeriod>>();
        foreach (var (key, periods) in raw ?? [])
        {
            if (!DayKeys.Contains(key)) { problem = $"\"{key}\" is not a day (mon … sun)."; return null; }
            var parsed = new List<OpenPeriod>();
            foreach (var text in periods)
            {
                if (ParsePeriod(text) is not { } period) { problem = $"{key}: \"{text}\" is not a period such as 09:00-13:00."; return null; }
                if (parsed.Count > 0 && period.From < parsed[^1].To) { problem = $"{key}: periods must be in order and not overlap."; return null; }
                parsed.Add(period);
            }
            if (parsed.Count > 0) days[DayOf(key)] = parsed;
        }
        problem = null;
        return new OpeningHours(days);
    }

    /// <summary>One period, e.g. <c>09:00-13:00</c>, ending after it starts; null otherwise.</summary>
    public static OpenPeriod? ParsePeriod(string text)
    {
        var parts = text.Split('-', 2, StringSplitOptions.TrimEntries);
        if (parts.Length != 2
            || !TimeOnly.TryParseExact(parts[0], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var from)
            || !TimeOnly.TryParseExact(parts[1], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var to)
            || to <= from) return null;
        return new OpenPeriod(from, to);
    }

    public string ToJson() => JsonSerializer.Serialize(DayKeys.Where(k => On(DayOf(k)).Count > 0)
        .ToDictionary(k => k, k => On(DayOf(k)).Select(p => $"{p.From:HH\\:mm}-{p.To:HH\\:mm}").ToArray()));
}
