using System.Globalization;

namespace OneStop.Identity.Signing;

/// <summary>How signing pages write hashes, serials and times for people to read and compare.</summary>
public static class SigningFormat
{
    private static readonly TimeZoneInfo HongKong = TimeZoneInfo.FindSystemTimeZoneById("Asia/Hong_Kong");

    /// <summary>Lower-case hex in groups of eight, so it wraps on a phone and can be compared by eye a group at a time.</summary>
    public static string Grouped(string hex) =>
        string.Join(' ', Enumerable.Range(0, (hex.Length + 7) / 8).Select(i => hex.Substring(i * 8, Math.Min(8, hex.Length - i * 8))));

    public static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    public static string Time(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, HongKong).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
