using System.Security.Claims;
using System.Text.Json;
using OneStop.Identity.Consent;
using OneStop.Identity.Profile;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace OneStop.Identity.Oidc;

/// <summary>
/// Which profile fields a client gets and as which claims: the fields behind its granted scopes
/// (<see cref="ProfileFields.ByScope"/>) that a valid consent receipt for the client covers, read through
/// <see cref="IProfileReader"/>. Checked every time a token or userinfo answer is made, so a revoked
/// receipt stops the flow at once.
/// </summary>
public sealed class OidcClaims(ConsentReceipts receipts, IProfileReader profile, TimeProvider clock)
{
    /// <summary>The purpose code of every receipt the consent screen writes.</summary>
    public const string PurposeCode = "oidc";

    /// <summary>Claim types that come from the profile, to be refreshed (not copied) when tokens are renewed.</summary>
    public static readonly string[] ProfileClaimTypes =
    [
        Claims.Name, "name#zh-HK", Claims.Locale, Claims.Email, Claims.EmailVerified, Claims.PhoneNumber,
        Claims.PhoneNumberVerified, Claims.Address, Claims.Birthdate, "hkid",
    ];

    public static IReadOnlyList<string> FieldsFor(IEnumerable<string> scopes) =>
        scopes.Where(ProfileFields.ByScope.ContainsKey).SelectMany(s => ProfileFields.ByScope[s]).Distinct().ToList();

    /// <summary>The claims to release now, by claim type.</summary>
    public async Task<IReadOnlyDictionary<string, JsonElement>> ReleasedAsync(Guid userId, string clientId, IEnumerable<string> scopes,
        CancellationToken cancellationToken = default)
    {
        var wanted = FieldsFor(scopes);
        if (wanted.Count == 0) return new Dictionary<string, JsonElement>();
        var now = clock.GetUtcNow();
        var consented = (await receipts.ListAsync(userId, cancellationToken))
            .Where(r => r.RecipientType == ConsentRecipientType.Client && r.RecipientId == clientId && r.PurposeCode == PurposeCode && r.IsValidAt(now))
            .SelectMany(r => r.FieldList)
            .ToHashSet(StringComparer.Ordinal);
        var fields = wanted.Where(consented.Contains).ToList();
        if (fields.Count == 0) return new Dictionary<string, JsonElement>();

        var values = await profile.ReadAsync(userId, fields, cancellationToken);
        var claims = new Dictionary<string, JsonElement>();
        foreach (var (field, value) in values)
        {
            switch (field)
            {
                case ProfileFields.NameEnglish: claims[Claims.Name] = Json(value.Value); break;
                case ProfileFields.NameChinese: claims["name#zh-HK"] = Json(value.Value); break;
                case ProfileFields.PreferredLanguage: claims[Claims.Locale] = Json(value.Value); break;
                case ProfileFields.Email:
                    claims[Claims.Email] = Json(value.Value);
                    claims[Claims.EmailVerified] = JsonSerializer.SerializeToElement(value.Verified);
                    break;
                case ProfileFields.Phone:
                    claims[Claims.PhoneNumber] = Json(value.Value);
                    claims[Claims.PhoneNumberVerified] = JsonSerializer.SerializeToElement(value.Verified);
                    break;
                case ProfileFields.ResidentialAddress: claims[Claims.Address] = Address(value.Value); break;
                case ProfileFields.DateOfBirth: claims[Claims.Birthdate] = Json(value.Value); break;
                case ProfileFields.IdentityCard: claims["hkid"] = Json(value.Value); break;
            }
        }
        return claims;
    }

    /// <summary>Puts the released claims on an identity bound for the id_token (never the access token, which any API holding it can read).</summary>
    public static void AddTo(ClaimsIdentity identity, IReadOnlyDictionary<string, JsonElement> claims)
    {
        foreach (var type in ProfileClaimTypes) identity.RemoveClaims(type);
        foreach (var (type, value) in claims) identity.AddClaim(type, value);
    }

    /// <summary>Where each claim goes. Claims not listed stay inside the (encrypted) codes and refresh tokens.</summary>
    public static IEnumerable<string> Destinations(Claim claim) => claim.Type switch
    {
        Claims.Subject or Claims.AuthenticationContextReference => [OpenIddictConstants.Destinations.AccessToken, OpenIddictConstants.Destinations.IdentityToken],
        Claims.AuthenticationMethodReference or Claims.AuthenticationTime => [OpenIddictConstants.Destinations.IdentityToken],
        _ when ProfileClaimTypes.Contains(claim.Type) => [OpenIddictConstants.Destinations.IdentityToken],
        _ => [],
    };

    private static JsonElement Json(string value) => JsonSerializer.SerializeToElement(value);

    // The profile keeps addresses as JSON in Hong Kong's structure; OIDC's address claim is a JSON object.
    private static JsonElement Address(string value)
    {
        try
        {
            using var document = JsonDocument.Parse(value);
            if (document.RootElement.ValueKind == JsonValueKind.Object) return document.RootElement.Clone();
        }
        catch (JsonException) { }
        return JsonSerializer.SerializeToElement(new Dictionary<string, string> { ["formatted"] = value });
    }
}
