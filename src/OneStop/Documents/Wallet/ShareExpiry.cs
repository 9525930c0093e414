using System.Globalization;
using OneStop.Platform.Localisation;

namespace OneStop.Documents.Wallet;

/// <summary>What the holder chose for a link's life, read: when it ends, or the field and message key of what is wrong.</summary>
public sealed record ExpiryChoice(DateTime? ExpiresAt, string? Field, string? ErrorKey, DateOnly? LastDay = null);

/// <summary>
/// A share link lives 1, 7 or 30 days, or until the end of a day the holder types (Hong Kong time), never longer
/// than <see cref="DocumentsOptions.MaxShareLifetime"/>. Pure, so the rules are unit tested.
/// </summary>
public static class ShareExpiry
{
    public const string Choice = "Expiry";
    public const string Date = "Until";
    public const string OwnDate = "date";

    private static readonly int[] Days = [1, 7, 30];

    /// <summary>The day counts offered: those within the longest a link may live.</summary>
    public static IReadOnlyList<int> Offered(TimeSpan max) => Days.Where(d => TimeSpan.FromDays(d) <= max).ToList();

    /// <summary>The last day (Hong Kong) a typed date may name.</summary>
    public static DateOnly LastDay(DateTimeOffset now, TimeSpan max) => DateOnly.FromDateTime(HongKongTime.Local(now + max).DateTime);

    public static ExpiryChoice Read(string? choice, string? day, string? month, string? year, DateTimeOffset now, TimeSpan max)
    {
        if (choice == OwnDate) return ReadDate(day, month, year, now, max);
        if (int.TryParse(choice, NumberStyles.None, CultureInfo.InvariantCulture, out var days) && Offered(max).Contains(days))
            return new ExpiryChoice(now.UtcDateTime.AddDays(days), null, null);
        return new ExpiryChoice(null, Choice, "documents.wallet.share.error.choose");
    }

    private static ExpiryChoice ReadDate(string? day, string? month, string? year, DateTimeOffset now, TimeSpan max)
    {
        var last = LastDay(now, max);
        if (string.IsNullOrWhiteSpace(day) && string.IsNullOrWhiteSpace(month) && string.IsNullOrWhiteSpace(year))
            return new ExpiryChoice(null, Date, "documents.wallet.share.error.dateMissing");
        if (!Number(day, out var d) || !Number(month, out var m) || !Number(year, out var y) || y < 1000 || m is < 1 or > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
            return new ExpiryChoice(null, Date, "documents.wallet.share.error.dateReal");
        var date = new DateOnly(y, m, d);
        var today = DateOnly.FromDateTime(HongKongTime.Local(now).DateTime);
        if (date < today) return new ExpiryChoice(null, Date, "documents.wallet.share.error.datePast");
        if (date > last) return new ExpiryChoice(null, Date, "documents.wallet.share.error.dateTooLate", last);
        // The end of that day in Hong Kong: midnight at its close, as UTC; the last day ends when the longest life does.
        var endOfDay = TimeZoneInfo.ConvertTimeToUtc(date.AddDays(1).ToDateTime(TimeOnly.MinValue), HongKongTime.Zone);
        var latest = (now + max).UtcDateTime;
        return new ExpiryChoice(endOfDay < latest ? endOfDay : latest, null, null);
    }

    private static bool Number(string? text, out int value) =>
        int.TryParse(text?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out value);
}
