using System.Text.RegularExpressions;

namespace OneStop.Catalogue;

/// <summary>
/// Words people search with that the catalogue does not use: local abbreviations mostly. Rewritten
/// before the search, whole words only; the page then says what it searched for.
/// </summary>
public static partial class SearchSynonyms
{
    private static readonly (Regex Pattern, string Replacement)[] Rules =
    [
        (Hkid(), "identity card"),
        (IdCard(), "identity card"),
        (Br(), "business registration"),
    ];

    [GeneratedRegex(@"\bhkid\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)] private static partial Regex Hkid();
    [GeneratedRegex(@"\bid\s+card\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)] private static partial Regex IdCard();
    [GeneratedRegex(@"\bbr\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)] private static partial Regex Br();

    public static string Expand(string text)
    {
        foreach (var (pattern, replacement) in Rules) text = pattern.Replace(text, replacement);
        return text;
    }
}
