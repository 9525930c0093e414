using System.Globalization;
using OneStop.Forms.Answers;
using OneStop.Platform.Localisation;

namespace OneStop.Forms.Filling;

/// <summary>Stored UTC times as people in Hong Kong read them.</summary>
public static class Times
{
    public static DateOnly Day(DateTime utc) => DateOnly.FromDateTime(Local(utc));

    public static string Long(DateTime utc, Language language) =>
        $"{Dates.Long(Day(utc), language)} {Local(utc).ToString("HH:mm", CultureInfo.InvariantCulture)}";

    public static string Date(DateTime utc, Language language) => Dates.Long(Day(utc), language);

    private static DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), HongKongTime.Zone);
}
