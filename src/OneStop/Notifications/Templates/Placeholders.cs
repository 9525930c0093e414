using System.Text.RegularExpressions;

namespace OneStop.Notifications.Templates;

/// <summary>
/// <c>{name}</c> placeholders in templates. Only <see cref="Known"/> names may be saved; when rendering, a
/// placeholder without a value is left out (replaced by nothing), and values go in as plain text: the inbox
/// page HTML-encodes them, email and SMS are plain text.
/// </summary>
public static partial class Placeholders
{
    public static readonly IReadOnlyList<string> Known = ["reference", "service", "department", "state", "due", "reason", "link",
        // Payments: the amount due or paid, what it was for, a refund, and the reconciliation figures.
        "amount", "application", "refund", "day", "count",
        // Documents: which document, when it lapses, and a counter appointment's time and place.
        "document", "expires", "when", "counter"];

    /// <summary>The names in braces that are not known, in the order written; empty when the text is fine.</summary>
    public static IReadOnlyList<string> Unknown(string? text) =>
        text is null ? [] : Braces().Matches(text).Select(m => m.Groups[1].Value).Where(n => !Known.Contains(n)).Distinct().ToList();

    /// <summary>Replaces every <c>{name}</c> with its value, or with nothing when there is none.</summary>
    public static string Render(string template, Func<string, string?> value) =>
        Braces().Replace(template, m => Known.Contains(m.Groups[1].Value) ? Clean(value(m.Groups[1].Value)) : "");

    // Control characters other than line breaks have no place in a message (and could confuse a terminal or header).
    private static string Clean(string? value) =>
        value is null ? "" : new string(value.Where(c => !char.IsControl(c) || c is '\n').ToArray());

    [GeneratedRegex(@"\{([^{}\s]{1,40})\}")]
    private static partial Regex Braces();
}
