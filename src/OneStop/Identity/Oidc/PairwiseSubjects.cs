using System.Security.Cryptography;
using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace OneStop.Identity.Oidc;

/// <summary>
/// The <c>sub</c> a client sees: HMAC-SHA256 over the client's sector and the account id, under a secret
/// kept with the OIDC keys. Stable for one person at one sector; unlinkable across sectors, and not
/// reversible without the secret, so two clients cannot join what they know about a person by sub.
/// </summary>
public sealed class PairwiseSubjects(IServiceScopeFactory scopes)
{
    private byte[]? _secret;

    public string For(Guid userId, OidcClient client) => For(userId, client.Sector);

    public string For(Guid userId, string sector)
    {
        var secret = _secret ??= LoadSecret();
        var input = Encoding.UTF8.GetBytes(sector.ToLowerInvariant() + "\n" + userId.ToString("D"));
        return Base64UrlEncoder.Encode(HMACSHA256.HashData(secret, input));
    }

    private byte[] LoadSecret()
    {
        using var scope = scopes.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<OidcKeyStore>();
        store.EnsureKeys();
        return store.PairwiseSecret();
    }
}
