using System.Net;
using System.Text.Json;

namespace OneStop.Tests.Identity.Oidc;

/// <summary>The provider's protocol surface: discovery, PKCE, the code flow's claims, pairwise subjects, refresh tokens.</summary>
public sealed class OidcProtocolTests : IAsyncLifetime
{
    private readonly OidcApp _app = new();

    [Fact]
    public async Task Discovery_ListsEndpointsS256OnlyPairwiseAndTheAcrValues()
    {
        var document = await _app.CreateClient().GetJsonAsync("/.well-known/openid-configuration");

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
        var jwks = await _app.CreateClient().GetJsonAsync("/.well-known/jwks");

        var key = Assert.Single(jwks.GetProperty("keys").EnumerateArray());
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.StartsWith("sig-", key.GetProperty("kid").GetString());
        Assert.False(key.TryGetProperty("d", out _));
    }

    [Fact]
    public async Task CodeFlow_SignedInWithConsent_IdTokenCarriesPairwiseSubAcrAmrAuthTimeAndEmail()
    {
        var client = await _app.AddClientAsync();
        var (browser, email) = await _app.NewPersonAsync();

        var tokens = await browser.SignInToClientAsync(client, email);

        var idToken = tokens.IdToken();
        Assert.Equal("basic", idToken.GetClaim("acr").Value);
        Assert.Contains(idToken.Claims, c => c.Type == "amr" && c.Value == "pwd");
        Assert.True(idToken.TryGetClaim("auth_time", out _));
        Assert.Equal(email, idToken.GetClaim("email").Value);
        Assert.DoesNotContain(idToken.Subject, email);
        Assert.True(tokens.TryGetProperty("refresh_token", out _));
    }

    private static string[] Strings(JsonElement document, string name) =>
        document.GetProperty(name).EnumerateArray().Select(e => e.GetString()!).ToArray();

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
