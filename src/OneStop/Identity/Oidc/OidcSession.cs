using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace OneStop.Identity.Oidc;

/// <summary>
/// What the OIDC provider needs to know about a OneStop session: when the person last signed in
/// (<c>auth_time</c>, for <c>max_age</c>) and how (<c>amr</c>). Kept in the session cookie's properties,
/// not its claims: the session check rebuilds the claims from the account every few minutes, and the
/// cookie's issue time moves with sliding expiry, but the properties ride along unchanged.
/// </summary>
public static class OidcSession
{
    private const string AuthTimeKey = "onestop.auth_time";
    private const string MethodsKey = "onestop.amr";

    /// <summary>Cookie event: stamps a fresh sign-in; a refresh of an existing session keeps its stamp.</summary>
    public static void OnSigningIn(CookieSigningInContext context)
    {
        var items = context.Properties.Items;
        if (!items.ContainsKey(AuthTimeKey))
        {
            var clock = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>();
            items[AuthTimeKey] = clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        }
        var methods = Methods(items).Union(context.Principal?.FindAll("amr").Select(c => c.Value) ?? []).Distinct(StringComparer.Ordinal);
        items[MethodsKey] = string.Join(' ', methods);
    }

    public static DateTimeOffset? AuthTime(AuthenticationProperties? properties) =>
        properties?.Items.TryGetValue(AuthTimeKey, out var value) == true && long.TryParse(value, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : properties?.IssuedUtc;

    /// <summary>Methods used in this session: those recorded at sign-in and any the current claims show.</summary>
    public static IReadOnlyList<string> MethodsOf(AuthenticateResult session) =>
        Methods(session.Properties?.Items).Union(session.Principal?.FindAll("amr").Select(c => c.Value) ?? [])
            .Distinct(StringComparer.Ordinal).ToList();

    private static IEnumerable<string> Methods(IDictionary<string, string?>? items) =>
        items is not null && items.TryGetValue(MethodsKey, out var value) && value is not null
            ? value.Split(' ', StringSplitOptions.RemoveEmptyEntries) : [];
}
