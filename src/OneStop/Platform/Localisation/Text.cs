using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace OneStop.Platform.Localisation;

/// <summary>
/// The user-interface strings, one flat JSON file per language (strings.en.json, strings.zh-HK.json,
/// strings.zh-CN.json). Chosen over .resx so translators edit plain JSON and a test can check that
/// every key exists in every language. A missing key shows as [key] so that it is noticed, not hidden.
/// </summary>
public sealed class Text
{
    private readonly FrozenDictionary<Language, FrozenDictionary<string, string>> _strings;

    public Text()
    {
        var assembly = typeof(Text).Assembly;
        _strings = Languages.All.ToFrozenDictionary(l => l, l =>
        {
            var name = $"OneStop.Platform.Localisation.strings.{l.Tag()}.json";
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Missing embedded resource {name}.");
            return JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!.ToFrozenDictionary();
        });
    }

    public string this[string key] => Get(Languages.Current, key);

    public string this[string key, params object?[] args] =>
        string.Format(CultureInfo.CurrentCulture, Get(Languages.Current, key), args);

    /// <summary>
    /// A count in words: the key's ".one" form for exactly one where the language has one (English),
    /// else the key itself. Chinese has no plural forms, so its files need only the plain key.
    /// </summary>
    public string Count(string key, int count)
    {
        var language = Languages.Current;
        var one = count == 1 && _strings[language].TryGetValue(key + ".one", out var singular) ? singular : Get(language, key);
        return string.Format(CultureInfo.CurrentCulture, one, count);
    }

    public string Get(Language language, string key) =>
        _strings[language].TryGetValue(key, out var value) ? value : $"[{key}]";

    public IReadOnlyCollection<string> Keys(Language language) => _strings[language].Keys;
}
