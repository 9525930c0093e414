using Microsoft.Playwright;

namespace OneStop.BrowserTests.Infrastructure;

/// <summary>
/// What a person sees of each language edition: where it lives, the words on its search form and the
/// word for "passport" they would type. Visible words come from Platform/Localisation/strings.*.json.
/// </summary>
public sealed record Edition(
    string Name, string Home, string Tag, string Endonym,
    string SearchLabel, string SearchButton, string Passport, string NotFoundTitle)
{
    public static readonly Edition English = new("English", "/", "en", "English",
        "Search for a service", "Search", "passport", "Page not found");

    public static readonly Edition TraditionalChinese = new("Traditional Chinese", "/zh-hk/", "zh-HK", "繁體中文",
        "搜尋服務", "搜尋", "護照", "找不到網頁");

    public static readonly Edition SimplifiedChinese = new("Simplified Chinese", "/zh-cn/", "zh-CN", "简体中文",
        "搜索服务", "搜索", "护照", "找不到网页");

    public static readonly Edition[] All = [English, TraditionalChinese, SimplifiedChinese];

    /// <summary>The edition whose &lt;html lang&gt; is <paramref name="tag"/> ("en", "zh-HK", "zh-CN"): theories take the tag, which xunit can show.</summary>
    public static Edition Of(string tag) => All.Single(e => e.Tag == tag);

    /// <summary>A path in this edition: "/services/x" becomes "/zh-hk/services/x".</summary>
    public string Path(string path) => Home.TrimEnd('/') + path;

    public override string ToString() => Name;
}

public static class PageChecks
{
    /// <summary>The page's &lt;html lang&gt;, which screen readers use to pick a voice.</summary>
    public static async Task AssertLanguageAsync(this IPage page, Edition edition) =>
        Assert.Equal(edition.Tag, await page.Locator("html").GetAttributeAsync("lang"));

    public static async Task<string> HeadingAsync(this IPage page) =>
        (await page.Locator("h1").InnerTextAsync()).Trim();

    public static Task<bool> IsFocusedAsync(this IPage page, string selector) =>
        page.Locator(selector).First.EvaluateAsync<bool>("e => e === document.activeElement");

    /// <summary>The element that has keyboard focus, described as tag#id.class for assertion messages.</summary>
    public static Task<string> FocusedAsync(this IPage page) => page.EvaluateAsync<string>(
        "() => { const e = document.activeElement; return e ? e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).trim().split(/\\s+/).join('.') : '') : ''; }");
}
