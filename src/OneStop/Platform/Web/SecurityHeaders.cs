namespace OneStop.Platform.Web;

/// <summary>
/// Headers every response carries. The CSP allows only our own scripts and styles (no inline code),
/// so pages must not use style attributes or inline scripts; SVG charts style themselves with classes.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>
    /// HttpContext item: origins (<c>IEnumerable&lt;string&gt;</c>) a page's forms may end up at. Chrome and
    /// Safari apply <c>form-action</c> to the redirects after a post too, so a form whose post ends in a
    /// redirect to a validated OIDC client (the consent screen, sign-in on the way) names the client's origin.
    /// </summary>
    public const string FormActionOriginsItem = "onestop.csp.form-action";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = context.Items[FormActionOriginsItem] is IEnumerable<string> origins
                    ? ContentSecurityPolicy.Replace("form-action 'self'", "form-action 'self' " + string.Join(' ', origins.Distinct()), StringComparison.Ordinal)
                    : ContentSecurityPolicy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                headers.XFrameOptions = "DENY";
                headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
                headers["Cross-Origin-Opener-Policy"] = "same-origin";
                return Task.CompletedTask;
            });
            return next(context);
        });
}
