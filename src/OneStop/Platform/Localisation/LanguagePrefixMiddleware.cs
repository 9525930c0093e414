using System.Globalization;

namespace OneStop.Platform.Localisation;

/// <summary>
/// Pages live at / (English), /zh-hk/ (Traditional) and /zh-cn/ (Simplified). The prefix is moved from
/// the path into PathBase, so every page is routed once and every generated link keeps the language.
/// Pages without a prefix are English: a URL always shows the same language to everyone. The API has no
/// prefix; it takes <c>?lang=</c>, then the language cookie, then Accept-Language.
/// </summary>
public sealed class LanguagePrefixMiddleware(RequestDelegate next)
{
    public const string CookieName = "onestop-lang";

    public Task InvokeAsync(HttpContext context)
    {
        var language = Language.En;
        foreach (var candidate in new[] { Language.ZhHk, Language.ZhCn })
        {
            var prefix = candidate.PathPrefix();
            if (context.Request.Path.StartsWithSegments(prefix, StringComparison.OrdinalIgnoreCase, out var rest)
                && !IsUnprefixed(rest))
            {
                language = candidate;
                context.Request.PathBase = context.Request.PathBase.Add(prefix);
                context.Request.Path = rest.HasValue ? rest : "/";
                break;
            }
        }

        if (language == Language.En && context.Request.Path.StartsWithSegments("/api"))
            language = FromApiRequest(context.Request);

        var culture = language.Culture();
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        return next(context);
    }

    // The API, its document and health checks take the language another way (or have none):
    // /zh-hk/api/... is not an address, so it is left to answer 404.
    private static bool IsUnprefixed(PathString rest) =>
        rest.StartsWithSegments("/api") || rest.StartsWithSegments("/openapi") || rest.StartsWithSegments("/health");

    private static Language FromApiRequest(HttpRequest request)
    {
        if (Languages.FromCulture(request.Query["lang"]) is { } fromQuery) return fromQuery;
        if (Languages.FromCulture(request.Cookies[CookieName]) is { } fromCookie) return fromCookie;
        var accepted = request.GetTypedHeaders().AcceptLanguage
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => Languages.FromCulture(l.Value.Value))
            .FirstOrDefault(l => l is not null);
        return accepted ?? Language.En;
    }
}

public static class LanguageLinks
{
    /// <summary>
    /// A path under the site's root, keeping any base path a reverse proxy added but not the language
    /// prefix: for assets and the API, which are the same in every language.
    /// </summary>
    public static string RootPath(this HttpRequest request, string path) => WithoutLanguage(request.PathBase.Value) + path;

    // Takes our own language prefix off a PathBase, keeping any base a reverse proxy added before it.
    private static string WithoutLanguage(string? pathBase)
    {
        var current = Languages.Current.PathPrefix();
        return pathBase is null ? ""
            : current.Length > 0 && pathBase.EndsWith(current, StringComparison.OrdinalIgnoreCase) ? pathBase[..^current.Length]
            : pathBase;
    }

    /// <summary>The same page in another language: the current path and query under that language's prefix.</summary>
    public static string SamePageIn(this HttpRequest request, Language language)
    {
        // On an error page, the page that was asked for, not /error/404.
        var original = request.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>();
        var pathBase = WithoutLanguage(original is null ? request.PathBase.Value : original.OriginalPathBase);
        var requestPath = original is null ? request.Path.Value : original.OriginalPath;
        var queryString = original is null ? request.QueryString.Value : original.OriginalQueryString;
        var path = requestPath is null or "" or "/" ? "/" : requestPath;
        var prefix = language.PathPrefix();
        var target = prefix.Length > 0 && path == "/" ? prefix + "/" : prefix + path;
        return pathBase + target + queryString;
    }
}
