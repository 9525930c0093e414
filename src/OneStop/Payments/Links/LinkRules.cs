using System.Globalization;
using System.Text.RegularExpressions;

namespace OneStop.Payments.Links;

/// <summary>The checks on a payment item and on the reference a payer types, pure.</summary>
public static partial class LinkRules
{
    public const int CodeMaxLength = 60;
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 1000;
    public const int PatternMaxLength = 200;
    /// <summary>As <see cref="Payment.PayerReference"/> holds.</summary>
    public const int ReferenceMaxLength = 60;
    public const decimal MaxAmount = 1_000_000m;

    /// <summary>
    /// A pattern is a department's, but it runs on what the public types: a pattern that backtracks badly stops
    /// here and the reference is refused, rather than a request spinning.
    /// </summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(100);

    /// <summary>Lower-case letters, digits and hyphens; not a word the office pages use for themselves.</summary>
    public static bool IsCode(string? code) => code is not null && CodeShape().IsMatch(code) && code is not "add";

    /// <summary>Null when <paramref name="pattern"/> is a usable regular expression; else why not (a strings key suffix).</summary>
    public static string? PatternProblem(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern)) return "patternMissing";
        if (pattern.Length > PatternMaxLength) return "patternTooLong";
        try
        {
            // Alone first: "a)|(b" parses only once wrapped, and would then escape the anchors.
            _ = new Regex(pattern, RegexOptions.CultureInvariant, MatchTimeout);
            _ = new Regex(Anchored(pattern), RegexOptions.CultureInvariant, MatchTimeout);
            return null;
        }
        catch (ArgumentException)
        {
            return "pattern";
        }
    }

    /// <summary>Whether the whole of <paramref name="reference"/> matches; false when the pattern is broken or too slow.</summary>
    public static bool Matches(string pattern, string reference)
    {
        try
        {
            return Regex.IsMatch(reference, Anchored(pattern), RegexOptions.CultureInvariant, MatchTimeout);
        }
        catch (Exception e) when (e is RegexMatchTimeoutException or ArgumentException)
        {
            return false;
        }
    }

    /// <summary>An amount typed by staff: HK$0.01 to <see cref="MaxAmount"/>, at most two decimal places, "HK$" and commas allowed.</summary>
    public static decimal? ParseAmount(string? typed)
    {
        var text = typed?.Trim().Replace("HK$", "", StringComparison.OrdinalIgnoreCase).Replace("$", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal);
        if (!decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount)) return null;
        if (amount <= 0 || amount > MaxAmount || decimal.Round(amount, 2) != amount) return null;
        return amount;
    }

    /// <summary>The reference as kept: trimmed, with runs of spaces made one.</summary>
    public static string NormaliseReference(string? typed) => Spaces().Replace(typed?.Trim() ?? "", " ");

    private static string Anchored(string pattern) => $"^(?:{pattern})$";

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{1,58}[a-z0-9]$", RegexOptions.CultureInvariant)]
    private static partial Regex CodeShape();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
