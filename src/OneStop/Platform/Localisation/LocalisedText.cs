using System.Globalization;

namespace OneStop.Platform.Localisation;

/// <summary>A piece of content in the three languages OneStop publishes in. Stored as three columns.</summary>
public sealed record LocalisedText
{
    public static readonly LocalisedText Empty = new("", "", "");

    public LocalisedText(string en, string zhHk, string zhCn) => (En, ZhHk, ZhCn) = (en, zhHk, zhCn);

    public string En { get; init; }
    public string ZhHk { get; init; }
    public string ZhCn { get; init; }

    public string this[Language language] => language switch
    {
        Language.ZhHk => ZhHk,
        Language.ZhCn => ZhCn,
        _ => En,
    };

    /// <summary>The text in the current UI culture's language.</summary>
    public string Current => this[Languages.Current];

    public IReadOnlyList<string> All => [En, ZhHk, ZhCn];

    public bool IsEmpty => En.Length == 0 && ZhHk.Length == 0 && ZhCn.Length == 0;

    public LocalisedText Map(Func<string, string> transform) => new(transform(En), transform(ZhHk), transform(ZhCn));

    public override string ToString() => Current;
}

public enum Language { En, ZhHk, ZhCn }

public static class Languages
{
    public static readonly Language[] All = [Language.En, Language.ZhHk, Language.ZhCn];

    public static Language Current => FromCulture(CultureInfo.CurrentUICulture.Name) ?? Language.En;

    /// <summary>BCP 47 tag as used in <c>lang</c> attributes and the API: en, zh-HK, zh-CN.</summary>
    public static string Tag(this Language language) => language switch
    {
        Language.ZhHk => "zh-HK",
        Language.ZhCn => "zh-CN",
        _ => "en",
    };

    /// <summary>The URL prefix of the language's pages; empty for English, which lives at the root.</summary>
    public static string PathPrefix(this Language language) => language switch
    {
        Language.ZhHk => "/zh-hk",
        Language.ZhCn => "/zh-cn",
        _ => "",
    };

    /// <summary>The language's own name, shown in the switcher so that people can find theirs.</summary>
    public static string Endonym(this Language language) => language switch
    {
        Language.ZhHk => "繁體中文",
        Language.ZhCn => "简体中文",
        _ => "English",
    };

    public static CultureInfo Culture(this Language language) => CultureInfo.GetCultureInfo(language.Tag());

    /// <summary>Reads en, zh-HK, zh-CN and their common spellings (zh-hk, zh-Hant, zh-TW…); null when not ours.</summary>
    public static Language? FromCulture(string? tag)
    {
        if (string.IsNullOrWhiteSpace(tag)) return null;
        var t = tag.Trim().ToLowerInvariant().Replace('_', '-');
        if (t == "en" || t.StartsWith("en-", StringComparison.Ordinal)) return Language.En;
        if (t is "zh-hk" or "zh-mo" or "zh-tw" or "zh-hant" || t.StartsWith("zh-hant-", StringComparison.Ordinal)) return Language.ZhHk;
        if (t is "zh-cn" or "zh-sg" or "zh-hans" or "zh" || t.StartsWith("zh-hans-", StringComparison.Ordinal)) return Language.ZhCn;
        return null;
    }
}
