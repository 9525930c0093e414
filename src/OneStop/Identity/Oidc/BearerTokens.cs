using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenIddict.Abstractions;
using OpenIddict.Validation.AspNetCore;

namespace OneStop.Identity.Oidc;

/// <summary>
/// The principal behind a request's bearer token, for OneStop's own APIs (singleton). OpenIddict validates the
/// token (signature, lifetime, its entry through <see cref="TokenEntryCheck"/>); a machine client's token found
/// valid is then remembered, by its SHA-256, for <see cref="OidcOptions.TokenEntryCheckInterval"/> and never past
/// its expiry, so a kiosk's next hundred requests skip the validation pipeline. Tokens of a person's sign-in
/// (with an authorization) are validated every time: signing out must stop them at once. Whatever makes
/// <see cref="ValidTokenEntries"/> forget (a revocation on this node) forgets these too.
/// </summary>
public sealed class BearerTokens(ValidTokenEntries entries, IOptions<OidcOptions> options, TimeProvider clock)
{
    public async Task<ClaimsPrincipal?> AuthenticateAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var key = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) && header.Length < 16_384
            ? Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(header))) : null;
        if (key is not null && entries.RememberedPrincipal(key) is { } remembered) return remembered;

        var result = await context.AuthenticateAsync(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme);
        if (key is not null && result.Principal is { } principal && principal.GetAuthorizationId() is null
            && principal.GetExpirationDate() is { } expires)
        {
            var until = clock.GetUtcNow() + options.Value.TokenEntryCheckInterval;
            entries.RememberPrincipal(key, principal, until < expires ? until : expires);
        }
        return result.Principal;
    }
}
