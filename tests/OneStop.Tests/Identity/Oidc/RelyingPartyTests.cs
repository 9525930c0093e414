using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace OneStop.Tests.Identity.Oidc;

/// <summary>
/// A real relying party, ASP.NET Core's OpenID Connect handler in its own host, signs a person in with
/// OneStop end to end: discovery, authorize with PKCE, our sign-in and consent pages, the callback, the
/// code redeemed over the back channel, the id_token validated against our JWKS, userinfo.
/// </summary>
public sealed class RelyingPartyTests : IAsyncLifetime
{
    private readonly OidcApp _app = new();
    private readonly List<WebApplication> _relyingParties = [];

    [Fact]
    public async Task CodeFlowWithPkce_RealRelyingParty_SignsInWithAcrAndAPairwiseSub()
    {
        var (_, rpBrowser) = await StartRelyingPartyAsync("https://rp-one.test");
        var (browser, email) = await _app.NewPersonAsync();

        var claims = await SignInAtAsync(rpBrowser, browser, email);

        Assert.Equal("basic", claims["acr"]);
        Assert.Equal("pwd", claims["amr"]);
        Assert.Equal(email, claims["email"]);
        Assert.True(claims.ContainsKey("auth_time"));
        Assert.DoesNotContain(email, claims["sub"]);
    }

    [Fact]
    public async Task PairwiseSub_TwoRealRelyingParties_SeeDifferentSubsForOnePerson()
    {
        var (_, rpOne) = await StartRelyingPartyAsync("https://rp-one.test");
        var (_, rpTwo) = await StartRelyingPartyAsync("https://rp-two.test");
        var (browser, email) = await _app.NewPersonAsync();

        var atOne = await SignInAtAsync(rpOne, browser, email);
        var atTwo = await SignInAtAsync(rpTwo, browser, email);

        Assert.NotEqual(atOne["sub"], atTwo["sub"]);
    }

    /// <summary>Drives two browsers' worth of cookies, one per site, the way one browser would.</summary>
    private async Task<Dictionary<string, string>> SignInAtAsync(HttpClient rpBrowser, HttpClient oneStop, string email)
    {
        using var challenge = await rpBrowser.GetAsync("/login", TestContext.Current.CancellationToken);
        var authorize = new Uri(challenge.Location());
        Assert.Equal("localhost", authorize.Host);

        using var back = await oneStop.AuthorizeAsync(authorize.PathAndQuery, email);
        var callback = new Uri(back.Location());
        Assert.Equal(rpBrowser.BaseAddress!.Host, callback.Host);

        using var signedIn = await rpBrowser.GetAsync(callback.PathAndQuery, TestContext.Current.CancellationToken);
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, await signedIn.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        var me = await rpBrowser.GetFromJsonAsync<Dictionary<string, string>>(signedIn.Location(), TestContext.Current.CancellationToken);
        return me!;
    }

    private async Task<(WebApplication Host, HttpClient Browser)> StartRelyingPartyAsync(string origin)
    {
        var client = await _app.AddClientAsync(redirectUri: origin + "/signin-oidc", scopes: "openid profile email");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddAuthentication(o =>
            {
                o.DefaultScheme = "cookie";
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie("cookie")
            .AddOpenIdConnect(o =>
            {
                o.Authority = "http://localhost/";
                o.RequireHttpsMetadata = false;
                o.Backchannel = _app.CreateClient();
                o.ClientId = client.ClientId;
                o.ResponseType = "code";
                o.ResponseMode = "query";
                o.UsePkce = true;
                o.Scope.Clear();
                foreach (var scope in new[] { "openid", "profile", "email" }) o.Scope.Add(scope);
                o.GetClaimsFromUserInfoEndpoint = true;
                o.MapInboundClaims = false;
                // The handler drops these by default; we want to see that OneStop sent them.
                foreach (var kept in new[] { "acr", "amr", "auth_time" }) o.ClaimActions.Remove(kept);
                o.ClaimActions.MapUniqueJsonKey("email", "email");
            });
        var rp = builder.Build();
        rp.UseAuthentication();
        rp.MapGet("/login", () => Results.Challenge(new AuthenticationProperties { RedirectUri = "/me" }));
        rp.MapGet("/me", (HttpContext context) => context.User.Identity?.IsAuthenticated == true
            ? Results.Json(context.User.Claims.GroupBy(c => c.Type).ToDictionary(g => g.Key, g => g.First().Value))
            : Results.Unauthorized());
        await rp.StartAsync(TestContext.Current.CancellationToken);
        _relyingParties.Add(rp);
        var browser = new HttpClient(new CookieContainerHandler { InnerHandler = rp.GetTestServer().CreateHandler() })
        {
            BaseAddress = new Uri(origin),
        };
        return (rp, browser);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        foreach (var rp in _relyingParties) await rp.DisposeAsync();
        await _app.DisposeAsync();
    }
}
