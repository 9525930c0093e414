namespace OneStop.Platform.Localisation;

/// <summary>
/// The <c>lang</c> parameter every API takes. <see cref="LanguagePrefixMiddleware"/> has already set the
/// culture from it when it is valid; endpoints only need to refuse a bad one.
/// </summary>
public static class ApiLanguage
{
    public const string Description = "en, zh-HK or zh-CN; without it, the onestop-lang cookie, then Accept-Language.";

    /// <summary>The validation errors for a bad <c>lang</c>, or null when it is absent or one of ours.</summary>
    public static Dictionary<string, string[]>? Problem(string? lang) =>
        string.IsNullOrEmpty(lang) || Languages.FromCulture(lang) is not null
            ? null
            : new() { ["lang"] = ["Language must be one of: en, zh-HK, zh-CN."] };
}
