using System.Globalization;
using OneStop.Platform.Localisation;

namespace OneStop.Identity.Profile;

/// <summary>The GOV.UK three-field date input (day, month, year); rendered by _DateInput.cshtml. Ids: {Name}Day, {Name}Month, {Name}Year.</summary>
public sealed record DateInput(string Name, string Legend, string? Day, string? Month, string? Year, string? Error)
{
    public string? Hint { get; init; }

    /// <summary>False when someone types another person's date (an officer at a counter): the browser must not offer their own.</summary>
    public bool OwnBirthday { get; init; } = true;

    /// <summary>When the legend is the page's question, it is the page's h1.</summary>
    public bool IsPageHeading { get; init; }

    /// <summary>Reads a date of birth typed in three boxes; on failure, the key of the error message to show.</summary>
    public static (DateOnly? Date, string? ErrorKey) ParseDateOfBirth(string? day, string? month, string? year, DateOnly today)
    {
        if (string.IsNullOrWhiteSpace(day) && string.IsNullOrWhiteSpace(month) && string.IsNullOrWhiteSpace(year)) return (null, "profile.error.dobMissing");
        if (string.IsNullOrWhiteSpace(day) || string.IsNullOrWhiteSpace(month) || string.IsNullOrWhiteSpace(year)) return (null, "profile.error.dobIncomplete");
        if (!int.TryParse(day.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            || !int.TryParse(month.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(year.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || year.Trim().Length != 4 || m is < 1 or > 12 || y < 1 || d < 1 || d > DateTime.DaysInMonth(y, m))
            return (null, "profile.error.dobInvalid");
        var date = new DateOnly(y, m, d);
        if (date > today) return (null, "profile.error.dobFuture");
        if (y < 1900) return (null, "profile.error.dobTooOld");
        return (date, null);
    }

    /// <summary>A date in words in the current language: 13 August 1980, 1980年8月13日.</summary>
    public static string Format(DateOnly date, Text text) =>
        date.ToString(text["profile.dateFormat"], Languages.Current.Culture());
}
