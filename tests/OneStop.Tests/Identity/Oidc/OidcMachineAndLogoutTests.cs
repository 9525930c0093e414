using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using OneStop.Identity.Oidc;

namespace OneStop.Tests.Identity.Oidc;

/// <summary>Machine clients and the example API; RP-initiated and back-channel logout.</summary>
public sealed class OidcMachineAndLogoutTests : IAsyncLifetime
{
    private readonly OidcApp _app = new();

    [Fact]
    public async Task ClientCredentials_WithApiScope_TokenWorksAtWhoAmI()
    {
        var machine = await _app.AddClientAsync(scopes: OidcSetup.ApiScope, kind: OidcClientKind.Machine);

        var (status, tokens) = await machine.TokenAsync(new() { ["grant_type"] = "client_credentials", ["scope"] = OidcSetup.ApiScope });
        using var response = await WhoAmIAsync(tokens.GetProperty("access_token").GetString());
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(tokens.TryGetProperty("refresh_token", out _));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(machine.ClientId, body.GetProperty("clientId").GetString());
        Assert.Equal([OidcSetup.ApiScope], body.GetProperty("scopes").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public async Task ClientCredentials_WrongSecret_IsRefused()
    {
        var machine = await _app.AddClientAsync(scopes: OidcSetup.ApiScope, kind: OidcClientKind.Machine);

        var (status, body) = await machine.TokenAsync(new() { ["grant_type"] = "client_credentials", ["client_secret"] = "guess" });

        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task WhoAmI_WithoutToken_Answers401ProblemDetails()
    {
        using var response = await WhoAmIAsync(null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task WhoAmI_ForgedToken_Answers401()
    {
        using var response = await WhoAmIAsync("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task WhoAmI_PersonsTokenWithoutApiScope_Answers403ProblemDetails()
    {
        var client = await _app.AddClientAsync();
        var (browser, email) = await _app.NewPersonAsync();
        var tokens = await browser.SignInToClientAsync(client, email);

        using var response = await WhoAmIAsync(tokens.GetProperty("access_token").GetString());

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task SignOut_OfOneStop_PostsASignedLogoutTokenToTheClientAndEndsItsRefreshToken()
    {
        var logoutUri = new Uri("https://rp-logout.test/backchannel-logout");
        var client = await _app.AddClientAsync(backChannelLogout: logoutUri);
        var quiet = await _app.AddClientAsync();
        var (browser, email) = await _app.NewPersonAsync();
        var tokens = await browser.SignInToClientAsync(client, email);
        await browser.SignInToClientAsync(quiet, email);

        using var signOut = await browser.SubmitAsync("/account", new Dictionary<string, string>());
        var (target, logoutToken) = Assert.Single(_app.LogoutPosts);
        var (refreshStatus, _) = await client.RefreshAsync(tokens.GetProperty("refresh_token").GetString()!);

        Assert.Equal(logoutUri, target);
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(logoutToken, new TokenValidationParameters
        {
            ValidIssuer = "http://localhost/",
            ValidAudience = client.ClientId,
            IssuerSigningKeys = await SigningKeysAsync(),
            ValidTypes = ["logout+jwt"],
        });
        Assert.True(validation.IsValid, validation.Exception?.Message);
        var token = (JsonWebToken)validation.SecurityToken;
        Assert.Equal(tokens.IdToken().Subject, token.Subject);
        Assert.True(token.TryGetPayloadValue<JsonElement>("events", out var events) && events.TryGetProperty(BackChannelLogout.EventType, out _));
        Assert.False(token.TryGetClaim("nonce", out _));
        Assert.Equal(HttpStatusCode.BadRequest, refreshStatus);
    }

    [Fact]
    public async Task EndSession_WithRegisteredPostLogoutUri_SignsOutAndRedirectsThere()
    {
        var client = await _app.AddClientAsync(backChannelLogout: new Uri("https://rp-end.test/logout"));
        var (browser, email) = await _app.NewPersonAsync();
        var tokens = await browser.SignInToClientAsync(client, email);
        var postLogout = new Uri(new Uri(client.RedirectUri), "/signed-out").AbsoluteUri;

        using var response = await browser.GetAsync(QueryHelpers.AddQueryString("/connect/endsession", new Dictionary<string, string?>
        {
            ["id_token_hint"] = tokens.GetProperty("id_token").GetString(), ["post_logout_redirect_uri"] = postLogout, ["state"] = "s1",
        }), TestContext.Current.CancellationToken);
        using var account = await browser.GetAsync("/account", TestContext.Current.CancellationToken);

        Assert.StartsWith(postLogout + "?state=s1", response.Location());
        Assert.StartsWith("/account/sign-in", account.Location().Local());
        Assert.Single(_app.LogoutPosts);
    }

    [Fact]
    public async Task EndSession_UnregisteredPostLogoutUri_IsRefused()
    {
        var client = await _app.AddClientAsync();
        var (browser, email) = await _app.NewPersonAsync();
        var tokens = await browser.SignInToClientAsync(client, email);

        using var response = await browser.GetAsync(QueryHelpers.AddQueryString("/connect/endsession", new Dictionary<string, string?>
        {
            ["id_token_hint"] = tokens.GetProperty("id_token").GetString(), ["post_logout_redirect_uri"] = "https://evil.test/",
        }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    private async Task<HttpResponseMessage> WhoAmIAsync(string? accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/identity/whoami");
        if (accessToken is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return await _app.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
    }

    private async Task<IEnumerable<SecurityKey>> SigningKeysAsync()
    {
        var jwks = await _app.CreateClient().GetStringAsync("/.well-known/jwks", TestContext.Current.CancellationToken);
        return new JsonWebKeySet(jwks).GetSigningKeys();
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
