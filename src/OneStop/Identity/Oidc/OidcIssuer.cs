using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Options;
using OneStop.Platform.Localisation;
using OneStop.Platform.Web;

namespace OneStop.Identity.Oidc;

/// <summary>
/// The issuer: <c>Site:PublicOrigin</c> when set, else the request's origin (with any proxy base path,
/// never a language prefix), so every language's pages belong to one issuer.
/// </summary>
public sealed class OidcIssuer(IOptions<SiteOptions> site, IHttpContextAccessor http)
{
    public Uri Current => Configured(site.Value)
        ?? RequestRoot(http.HttpContext?.Request ?? throw new InvalidOperationException("Site:PublicOrigin is not set and there is no request to take the issuer from."));

    public static Uri? Configured(SiteOptions site) =>
        site.PublicOrigin is { Length: > 0 } origin ? new Uri(origin.TrimEnd('/') + "/") : null;

    /// <summary>The site's root as the request reached it: scheme, host, proxy base path, no language.</summary>
    public static Uri RequestRoot(HttpRequest request)
    {
        var host = request.Host.HasValue ? request.Host : new HostString("localhost");
        var root = request.RootPath("");
        return new Uri(UriHelper.BuildAbsolute(request.Scheme, host, root.Length == 0 ? "/" : root.TrimEnd('/') + "/"));
    }
}
