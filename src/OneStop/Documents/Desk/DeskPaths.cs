using System.Globalization;

namespace OneStop.Documents.Desk;

/// <summary>Where the officers' counter pages live. The booking confirmation's QR code carries <see cref="CheckIn"/>.</summary>
public static class DeskPaths
{
    public const string Counters = "/office/counters";
    public const string NewCounter = "/office/counters/new";
    public const string LookUp = "/office/counters/check-in";
    public const string PostQueue = "/office/documents/post";

    public static string EditCounter(string code) => $"/office/counters/{code}/edit";

    public static string Day(string counterCode) => $"/office/counters/{counterCode}/day";

    public static string Day(string counterCode, DateOnly day) => Day(counterCode) + "?date=" + day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The appointment at the desk: the QR code's target, opened by the officer's phone or scanner after sign-in.</summary>
    public static string CheckIn(string appointmentCode) => $"{LookUp}/{appointmentCode}";
}
