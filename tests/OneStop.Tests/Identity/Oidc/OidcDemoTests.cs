using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using OneStop.Identity.Oidc;

namespace OneStop.Tests.Identity.Oidc;

/// <summary>The demo clients a local run seeds, with the secret the docs give.</summary>
public sealed class OidcDemoTests : IAsyncLifetime
{
    private readonly OneStopApp _app = new(Provider.Sqlite);

    [Fact]
    public async Task DemoService_DocumentedSecret_GetsATokenTheWhoAmIApiAccepts()
    {
        var client = _app.CreateClient();

        using var token = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials", ["client_id"] = OidcDemoClients.Service,
            ["client_secret"] = "onestop-demo-service-secret", ["scope"] = OidcSetup.ApiScope,
        }), TestContext.Current.CancellationToken);
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("access_token").GetString();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/identity/whoami") { Headers = { Authorization = new AuthenticationHeaderValue("Bearer", accessToken) } };
        using var whoAmI = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, whoAmI.StatusCode);
        Assert.Equal(OidcDemoClients.Service, (await whoAmI.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken)).GetProperty("clientId").GetString());
    }

    [Fact]
    public async Task DemoRelyingParty_AuthorizeWithPkce_IsSentToSignIn()
    {
        var url = "/connect/authorize?response_type=code&client_id=onestop-demo-rp&redirect_uri=http%3A%2F%2F127.0.0.1%3A7890%2Fcallback" +
                  "&scope=openid%20profile%20email&state=s&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256";

        using var response = await _app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(url, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Contains("/account/sign-in?", response.Headers.Location!.OriginalString);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
