using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server;

namespace OneStop.Identity.Oidc;

/// <summary>
/// OpenID Connect Back-Channel Logout 1.0: when a person signs out of OneStop, each client they signed in
/// to with OneStop during the session gets a signed logout_token posted to its registered
/// backchannel_logout_uri, and those sign-ins (their authorizations, so their refresh tokens) end.
/// Failures are logged with the client_id only; sign-out goes on regardless.
/// </summary>
public sealed class BackChannelLogout(
    IOpenIddictAuthorizationManager authorizations, OidcClients clients, PairwiseSubjects subjects, IHttpClientFactory http,
    IOptionsMonitor<OpenIddictServerOptions> server, OidcIssuer issuer, TimeProvider clock, ILogger<BackChannelLogout> logger)
{
    public const string HttpClientName = "oidc-backchannel-logout";
    public const string EventType = "http://schemas.openid.net/event/backchannel-logout";

    public async Task SignedOutAsync(Guid userId, CancellationToken cancellationToken = default)
    {
        // Read everything first: the store's DbContext is not for concurrent use, the posts below are.
        var open = new List<object>();
        await foreach (var authorization in authorizations.FindBySubjectAsync(userId.ToString("D"), cancellationToken))
        {
            if (await authorizations.HasStatusAsync(authorization, OpenIddictConstants.Statuses.Valid, cancellationToken)) open.Add(authorization);
        }
        var applicationIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var authorization in open)
        {
            if (await authorizations.GetApplicationIdAsync(authorization, cancellationToken) is { } id) applicationIds.Add(id);
            await authorizations.TryRevokeAsync(authorization, cancellationToken);
        }
        var targets = new List<(OidcClient Client, string Token)>();
        foreach (var id in applicationIds)
        {
            if (await clients.FindByIdAsync(id, cancellationToken) is { BackChannelLogoutUri: not null } client)
                targets.Add((client, LogoutToken(client, subjects.For(userId, client))));
        }
        await Task.WhenAll(targets.Select(t => PostAsync(t.Client, t.Token, cancellationToken)));
    }

    private string LogoutToken(OidcClient client, string subject)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer.Current.AbsoluteUri,
            Audience = client.ClientId,
            IssuedAt = now,
            NotBefore = now,
            Expires = now.AddMinutes(2),
            TokenType = "logout+jwt",
            SigningCredentials = server.CurrentValue.SigningCredentials.First(),
            Claims = new Dictionary<string, object>
            {
                ["sub"] = subject,
                ["jti"] = Guid.NewGuid().ToString("N"),
                ["events"] = new Dictionary<string, object> { [EventType] = new Dictionary<string, object>() },
            },
        });
    }

    private async Task PostAsync(OidcClient client, string token, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.CreateClient(HttpClientName).PostAsync(client.BackChannelLogoutUri,
                new FormUrlEncodedContent([new("logout_token", token)]), cancellationToken);
            if (!response.IsSuccessStatusCode)
                logger.LogWarning("Back-channel logout to client {ClientId} answered {Status}", client.ClientId, (int)response.StatusCode);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            logger.LogWarning("Back-channel logout to client {ClientId} failed: {Reason}", client.ClientId, e.GetType().Name);
        }
    }
}
