using OneStop.Identity.TwoDevice;

namespace OneStop.Identity.Oidc;

/// <summary>
/// Tells the phone which service the computer is signing in to: when the computer is on its way back to
/// an authorization request, the client's display name in the language of the computer's page (the
/// phone sign-in stores it when the computer starts); otherwise null, meaning OneStop itself.
/// </summary>
internal sealed class ClientServiceNames(OidcClients clients) : ISignInServiceNames
{
    // The phone sign-in's column; RegisterClient keeps names far shorter, older rows may not be.
    private const int MaxLength = 200;

    public async ValueTask<string?> NameForAsync(string returnUrl, CancellationToken cancellationToken)
    {
        if (AuthorizeReturnUrl.ClientId(returnUrl) is not { } clientId) return null;
        var name = (await clients.FindAsync(clientId, cancellationToken))?.Name.Current;
        return string.IsNullOrWhiteSpace(name) ? null : name.Length > MaxLength ? name[..MaxLength] : name;
    }
}
