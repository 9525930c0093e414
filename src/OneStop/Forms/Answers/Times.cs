using System.Globalization;
using OneStop.Platform.Localisation;

namespace OneStop.Forms.Answers;

/// <summary>
/// Stored UTC times as people in Hong Kong read them, the same on pages and in emails:
/// "27 November 2026, 3:45pm", "2026年11月27日 15:45".
/// </summary>
public static class Times
{
    public static DateOnly Day(DateTime utc) => DateOnly.FromDateTime(Local(utc));

    public static string Date(DateTime utc, Language language) => Dates.Long(Day(utc), language);

    public static string Long(DateTime utc, Language language)
    {
        var local = Local(utc);
        return language == Language.En
            ? $"{Date(utc, language)}, {local.ToString("h:mm", CultureInfo.InvariantCulture)}{(local.Hour < 12 ? "am" : "pm")}"
            : $"{Date(utc, language)} {local.ToString("HH:mm", CultureInfo.InvariantCulture)}";
    }

    private static DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), HongKongTime.Zone);
}
