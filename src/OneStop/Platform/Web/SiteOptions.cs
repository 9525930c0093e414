using OneStop.Platform.Localisation;

namespace OneStop.Platform.Web;

/// <summary>
/// Section <c>Site</c>. <see cref="PublicOrigin"/> is the address people reach the portal at. Links in
/// emails and the OIDC issuer are built from it rather than from the request's Host header, which
/// a caller controls (a forged host would otherwise put an attacker's address in a password-reset link).
/// </summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>For example https://www.onestop.gov.example, or with the base path a proxy adds. Required in Production; elsewhere the request's own origin.</summary>
    public string? PublicOrigin { get; set; }

    public bool IsValid => string.IsNullOrEmpty(PublicOrigin)
        || (Uri.TryCreate(PublicOrigin, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Query.Length == 0 && uri.Fragment.Length == 0);
}

/// <summary>Absolute links for emails and tokens, in a given language.</summary>
public sealed class PublicLinks(Microsoft.Extensions.Options.IOptions<SiteOptions> options, IHttpContextAccessor http,
    Microsoft.AspNetCore.Hosting.Server.IServer server)
{
    public string Origin
    {
        get
        {
            if (options.Value.PublicOrigin is { Length: > 0 } configured) return configured.TrimEnd('/');
            if (http.HttpContext?.Request is { } request) return $"{request.Scheme}://{request.Host}{request.RootPath("")}";
            // Background work (emails sent by jobs) has no request. Production requires PublicOrigin, so this is a
            // local run: the address the server listens on.
            var listening = server.Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            foreach (var wildcard in new[] { "://+", "://*", "://[::]", "://0.0.0.0" })
                listening = listening?.Replace(wildcard, "://localhost", StringComparison.Ordinal);
            return (listening ?? "http://localhost").TrimEnd('/');
        }
    }

    /// <summary>An absolute link to a page, under the language's prefix; <paramref name="path"/> starts with '/'.</summary>
    public string To(string path, Language language) => Origin + language.PathPrefix() + path;
}
