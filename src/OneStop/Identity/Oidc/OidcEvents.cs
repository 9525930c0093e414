namespace OneStop.Identity.Oidc;

/// <summary>Audit event names of the OIDC provider; the activity page shows <c>audit.{event}</c>.</summary>
public static class OidcEvents
{
    /// <summary>The person signed in to another system with OneStop (target: the client_id).</summary>
    public const string Authorized = "oidc.authorized";
    public const string ConsentDeclined = "oidc.consent-declined";
    public const string ClientAdded = "oidc.client-added";
    public const string ClientRemoved = "oidc.client-removed";
    public const string KeysRotated = "oidc.keys-rotated";
}
