using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using OneStop.Identity.Oidc;
using OneStop.Platform.Localisation;

namespace OneStop.Tests.Identity.Oidc;

/// <summary>
/// The portal, plus a stand-in for the clients' back-channel logout endpoints: every logout_token the
/// app posts lands in <see cref="LogoutPosts"/> instead of on the network.
/// </summary>
public sealed class OidcApp(Provider provider = Provider.Sqlite) : OneStopApp(provider, seed: false)
{
    public ConcurrentQueue<(Uri Target, string LogoutToken)> LogoutPosts { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        // Reuse detection logs a warning by design; the tests provoke it on purpose.
        builder.UseSetting("Logging:LogLevel:OpenIddict", "Error");
        builder.ConfigureServices(services => services.AddHttpClient(BackChannelLogout.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(() => new CapturingHandler(this)));
    }

    public HttpClient Browser() => CreateClient(new() { AllowAutoRedirect = false });

    /// <summary>Registers a client the way `identity clients add` does.</summary>
    public async Task<TestClient> AddClientAsync(string? redirectUri = null, string scopes = "openid profile email offline_access",
        OidcClientKind kind = OidcClientKind.Public, Uri? backChannelLogout = null)
    {
        var clientId = "rp-" + Guid.NewGuid().ToString("N")[..10];
        redirectUri ??= $"https://{clientId}.test/callback";
        var secret = kind == OidcClientKind.Public ? null : "secret-" + Guid.NewGuid().ToString("N");
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<OidcClients>().AddAsync(new OidcClient
        {
            ClientId = clientId,
            Kind = kind,
            Name = new LocalisedText("Test service " + clientId, "測試服務 " + clientId, "测试服务 " + clientId),
            Purpose = new LocalisedText("To test sign-in.", "用以測試登入。", "用以测试登录。"),
            RedirectUris = kind == OidcClientKind.Machine ? [] : [new Uri(redirectUri)],
            PostLogoutRedirectUris = kind == OidcClientKind.Machine ? [] : [new Uri(new Uri(redirectUri), "/signed-out")],
            BackChannelLogoutUri = backChannelLogout,
            Scopes = scopes.Split(' '),
        }, secret);
        return new TestClient(this, clientId, redirectUri, secret);
    }

    private sealed class CapturingHandler(OidcApp app) : HttpMessageHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var form = QueryHelpers.ParseQuery(await request.Content!.ReadAsStringAsync(cancellationToken));
            app.LogoutPosts.Enqueue((request.RequestUri!, form["logout_token"].ToString()));
            return new HttpResponseMessage(HttpStatusCode.OK);
        }
    }
}

/// <summary>A relying party done by hand, to drive each protocol step and look at every answer.</summary>
public sealed class TestClient(OidcApp app, string clientId, string redirectUri, string? secret)
{
    public string ClientId => clientId;
    public string RedirectUri => redirectUri;
    public string? Secret => secret;
    public string Verifier { get; } = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
    public string State { get; } = Guid.NewGuid().ToString("N");

    public string AuthorizeUrl(string scope = "openid profile email offline_access", params (string Name, string Value)[] extra)
    {
        var query = new Dictionary<string, string?>
        {
            ["response_type"] = "code", ["client_id"] = clientId, ["redirect_uri"] = redirectUri, ["scope"] = scope,
            ["state"] = State, ["nonce"] = Guid.NewGuid().ToString("N"),
            ["code_challenge"] = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(Verifier))), ["code_challenge_method"] = "S256",
        };
        foreach (var (name, value) in extra)
        {
            if (value.Length == 0) query.Remove(name); else query[name] = value;
        }
        return QueryHelpers.AddQueryString("/connect/authorize", query);
    }

    /// <summary>The query parameters of a redirect to this client's redirect_uri.</summary>
    public Dictionary<string, string> Callback(HttpResponseMessage response)
    {
        var location = response.Location();
        Assert.StartsWith(redirectUri, location);
        return QueryHelpers.ParseQuery(new Uri(location).Query).ToDictionary(p => p.Key, p => p.Value.ToString());
    }

    public async Task<(HttpStatusCode Status, JsonElement Body)> RedeemAsync(string code) => await TokenAsync(new()
    {
        ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = redirectUri, ["code_verifier"] = Verifier,
    });

    public async Task<(HttpStatusCode Status, JsonElement Body)> RefreshAsync(string refreshToken) =>
        await TokenAsync(new() { ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken });

    public async Task<(HttpStatusCode Status, JsonElement Body)> TokenAsync(Dictionary<string, string> form)
    {
        form["client_id"] = clientId;
        if (secret is not null) form.TryAdd("client_secret", secret);
        using var response = await app.CreateClient().PostAsync("/connect/token", new FormUrlEncodedContent(form), TestContext.Current.CancellationToken);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken));
    }

    public async Task<(HttpStatusCode Status, JsonElement? Body)> UserInfoAsync(string accessToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        request.Headers.Authorization = new("Bearer", accessToken);
        using var response = await app.CreateClient().SendAsync(request, TestContext.Current.CancellationToken);
        return (response.StatusCode, response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>(TestContext.Current.CancellationToken) : null);
    }
}
