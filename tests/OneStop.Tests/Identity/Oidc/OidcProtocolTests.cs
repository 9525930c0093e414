using System.Net;
using System.Text.Json;

namespace OneStop.Tests.Identity.Oidc;

/// <summary>The provider's protocol surface: discovery, PKCE, the code flow's claims, pairwise subjects, refresh tokens.</summary>
public abstract class OidcProtocolTests(Provider provider) : IAsyncLifetime
{
    private OidcApp? _started;

    // Started on first use, so the PostgreSQL variant can skip when there is no server.
    private OidcApp App
    {
        get
        {
            if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
            return _started ??= new OidcApp(provider);
        }
    }

    [Fact]
    public async Task Discovery_ListsEndpointsS256OnlyPairwiseAndTheAcrValues()
    {
        var document = await App.CreateClient().GetJsonAsync("/.well-known/openid-configuration");

        Assert.Equal("http://localhost/", document.GetProperty("issuer").GetString());
        Assert.Equal("http://localhost/connect/authorize", document.GetProperty("authorization_endpoint").GetString());
        Assert.Equal("http://localhost/connect/token", document.GetProperty("token_endpoint").GetString());
        Assert.Equal("http://localhost/connect/userinfo", document.GetProperty("userinfo_endpoint").GetString());
        Assert.Equal("http://localhost/connect/endsession", document.GetProperty("end_session_endpoint").GetString());
        Assert.Equal("http://localhost/.well-known/jwks", document.GetProperty("jwks_uri").GetString());
        Assert.Equal(["S256"], Strings(document, "code_challenge_methods_supported"));
        Assert.Equal(["code"], Strings(document, "response_types_supported"));
        Assert.Equal(["pairwise"], Strings(document, "subject_types_supported"));
        Assert.Equal(["basic", "verified", "advanced"], Strings(document, "acr_values_supported"));
        Assert.True(document.GetProperty("backchannel_logout_supported").GetBoolean());
        Assert.DoesNotContain("implicit", Strings(document, "grant_types_supported"));
        Assert.Contains("client_credentials", Strings(document, "grant_types_supported"));
    }

    [Fact]
    public async Task Jwks_PublishesAnRsaSigningKey()
    {
        var jwks = await App.CreateClient().GetJsonAsync("/.well-known/jwks");

        var key = Assert.Single(jwks.GetProperty("keys").EnumerateArray());
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.StartsWith("sig-", key.GetProperty("kid").GetString());
        Assert.False(key.TryGetProperty("d", out _));
    }

    [Fact]
    public async Task CodeFlow_SignedInWithConsent_IdTokenCarriesPairwiseSubAcrAmrAuthTimeAndEmail()
    {
        var client = await App.AddClientAsync();
        var (browser, email) = await App.NewPersonAsync();

        var tokens = await browser.SignInToClientAsync(client, email);

        var idToken = tokens.IdToken();
        Assert.Equal("basic", idToken.GetClaim("acr").Value);
        Assert.Contains(idToken.Claims, c => c.Type == "amr" && c.Value == "pwd");
        Assert.True(idToken.TryGetClaim("auth_time", out _));
        Assert.Equal(email, idToken.GetClaim("email").Value);
        Assert.DoesNotContain(idToken.Subject, email);
        Assert.True(tokens.TryGetProperty("refresh_token", out _));
    }

    [Fact]
    public async Task Authorize_WithoutCodeChallenge_IsRefusedWithoutACode()
    {
        var client = await App.AddClientAsync();
        var (browser, email) = await App.NewPersonAsync();

        using var response = await browser.AuthorizeAsync(client.AuthorizeUrl(extra: [("code_challenge", ""), ("code_challenge_method", "")]), email);

        // OpenIddict checks PKCE before it trusts the redirect_uri, so the error is shown here, not sent back.
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Authorize_PlainCodeChallenge_IsRefusedWithoutACode()
    {
        var client = await App.AddClientAsync();
        var (browser, email) = await App.NewPersonAsync();

        using var response = await browser.AuthorizeAsync(
            client.AuthorizeUrl(extra: [("code_challenge", client.Verifier), ("code_challenge_method", "plain")]), email);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task Authorize_ImplicitResponseType_IsRefused()
    {
        var client = await App.AddClientAsync();
        var (browser, email) = await App.NewPersonAsync();

        using var response = await browser.AuthorizeAsync(client.AuthorizeUrl(extra: [("response_type", "id_token token")]), email);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("id_token=", response.Headers.Location?.OriginalString ?? "");
    }

    [Fact]
    public async Task PairwiseSub_TwoClients_DifferForOnePersonAndStayTheSameAtEachClient()
    {
        var one = await App.AddClientAsync();
        var two = await App.AddClientAsync();
        var (browser, email) = await App.NewPersonAsync();

        var atOne = (await browser.SignInToClientAsync(one, email)).IdToken().Subject;
        var atTwo = (await browser.SignInToClientAsync(two, email)).IdToken().Subject;
        var atOneAgain = (await browser.SignInToClientAsync(one, email)).IdToken().Subject;
        var (other, otherEmail) = await App.NewPersonAsync();
        var otherAtOne = (await other.SignInToClientAsync(one, otherEmail)).IdToken().Subject;

        Assert.NotEqual(atOne, atTwo);
        Assert.Equal(atOne, atOneAgain);
        Assert.NotEqual(atOne, otherAtOne);
    }

    [Fact]
    public async Task RefreshToken_Used_IsRotatedAndTheNewOneWorks()
    {
        var client = await App.AddClientAsync();
        var (browser, email) = await App.NewPersonAsync();
        var tokens = await browser.SignInToClientAsync(client, email);
        var first = tokens.GetProperty("refresh_token").GetString()!;

        var (status, refreshed) = await client.RefreshAsync(first);
        var second = refreshed.GetProperty("refresh_token").GetString()!;
        var (againStatus, _) = await client.RefreshAsync(second);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEqual(first, second);
        Assert.Equal(HttpStatusCode.OK, againStatus);
    }

    [Fact]
    public async Task RefreshToken_ReusedAfterTheLeeway_IsRefusedAndRevokesTheWholeChain()
    {
        var client = await App.AddClientAsync();
        var (browser, email) = await App.NewPersonAsync();
        var tokens = await browser.SignInToClientAsync(client, email);
        var stolen = tokens.GetProperty("refresh_token").GetString()!;
        var (_, rotated) = await client.RefreshAsync(stolen);
        var current = rotated.GetProperty("refresh_token").GetString()!;
        App.Clock.Advance(TimeSpan.FromMinutes(1));

        var (reuseStatus, reuse) = await client.RefreshAsync(stolen);
        var (currentStatus, _) = await client.RefreshAsync(current);
        var (userInfoStatus, _) = await client.UserInfoAsync(rotated.GetProperty("access_token").GetString()!);

        Assert.Equal(HttpStatusCode.BadRequest, reuseStatus);
        Assert.Equal("invalid_grant", reuse.GetProperty("error").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, currentStatus);
        Assert.Equal(HttpStatusCode.Unauthorized, userInfoStatus);
    }

    [Fact]
    public async Task UserInfo_AfterConsent_ReturnsTheSubAndTheConsentedEmail()
    {
        var client = await App.AddClientAsync();
        var (browser, email) = await App.NewPersonAsync();
        var tokens = await browser.SignInToClientAsync(client, email);

        var (status, body) = await client.UserInfoAsync(tokens.GetProperty("access_token").GetString()!);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(tokens.IdToken().Subject, body!.Value.GetProperty("sub").GetString());
        Assert.Equal(email, body.Value.GetProperty("email").GetString());
        Assert.True(body.Value.GetProperty("email_verified").GetBoolean());
    }

    private static string[] Strings(JsonElement document, string name) =>
        document.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToArray();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_started is not null) await _started.DisposeAsync();
    }
}

public sealed class OidcProtocolTests_Sqlite() : OidcProtocolTests(Provider.Sqlite);

public sealed class OidcProtocolTests_Postgres() : OidcProtocolTests(Provider.Postgres);
