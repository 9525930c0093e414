using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;

namespace OneStop.Platform.Localisation;

/// <summary>
/// The user-interface strings: flat JSON files per language (strings.en.json, strings.zh-HK.json,
/// strings.zh-CN.json), one set in each module's folder, merged here. Chosen over .resx so translators edit plain JSON and a test can check that
/// every key exists in every language. A missing key shows as [key] so that it is noticed, not hidden.
/// </summary>
public sealed class Text
{
    private readonly FrozenDictionary<Language, FrozenDictionary<string, string>> _strings;

    public Text()
    {
        var assembly = typeof(Text).Assembly;
        var resources = assembly.GetManifestResourceNames().Where(n => n.StartsWith("strings/", StringComparison.Ordinal)).ToArray();
        _strings = Languages.All.ToFrozenDictionary(l => l, l =>
        {
            var merged = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var name in resources.Where(n => n.EndsWith($"strings.{l.Tag()}.json", StringComparison.Ordinal)))
            {
                using var stream = assembly.GetManifestResourceStream(name)!;
                foreach (var (key, value) in JsonSerializer.Deserialize<Dictionary<string, string>>(stream)!)
                {
                    // Two modules claiming one key would make one of them show the other's words.
                    if (!merged.TryAdd(key, value)) throw new InvalidOperationException($"String {key} is defined twice ({name}).");
                }
            }
            if (merged.Count == 0) throw new InvalidOperationException($"No strings for {l.Tag()}.");
            return merged.ToFrozenDictionary();
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
