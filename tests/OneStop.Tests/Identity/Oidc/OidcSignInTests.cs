using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Identity;
using OneStop.Identity.Consent;

namespace OneStop.Tests.Identity.Oidc;

/// <summary>The authorization endpoint as a person meets it: sign-in, re-authentication, step-up and the consent screen.</summary>
public sealed class OidcSignInTests : IAsyncLifetime
{
    private readonly OidcApp _app = new();

    [Fact]
    public async Task Authorize_Anonymous_SendsToSignInAndBackToTheRequest()
    {
        var client = await _app.AddClientAsync();
        var url = client.AuthorizeUrl();

        using var response = await _app.Browser().GetAsync(url, TestContext.Current.CancellationToken);

        var location = response.Location().Local();
        Assert.StartsWith("/account/sign-in?", location);
        Assert.Equal(url, QueryHelpers.ParseQuery(new Uri("http://x" + location).Query)["returnUrl"].ToString());
    }

    [Fact]
    public async Task Consent_FirstTime_ListsTheFieldsTheClientAndItsPurpose()
    {
        var client = await _app.AddClientAsync();
        var (browser, email) = await _app.NewPersonAsync();
        using var signIn = await browser.SignInAsync(email);

        using var response = await browser.FollowAsync(client.AuthorizeUrl("openid profile email"));
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Test service " + client.ClientId, page.QuerySelector("h1")!.TextContent);
        Assert.Equal(["name.en", "name.zh", "language", "email"], page.QuerySelectorAll("[data-field]").Select(li => li.GetAttribute("data-field")!));
        Assert.Equal("To test sign-in.", page.QuerySelector("[data-purpose]")!.TextContent.Trim());
    }

    [Fact]
    public async Task Consent_Page_LetsItsFormEndAtTheClientUnderTheCsp()
    {
        var client = await _app.AddClientAsync("https://consent-csp.test/callback");
        var (browser, email) = await _app.NewPersonAsync();
        using var signIn = await browser.SignInAsync(email);

        using var response = await browser.FollowAsync(client.AuthorizeUrl());

        Assert.True(OidcFlows.IsConsentPage(response) && response.StatusCode == HttpStatusCode.OK);
        Assert.Contains("form-action 'self' https://consent-csp.test;", Csp(response));
    }

    [Fact]
    public async Task SignIn_OnTheWayToARegisteredClient_LetsItsFormEndThereUnderTheCsp()
    {
        var client = await _app.AddClientAsync("https://signin-csp.test/callback");
        var forged = await _app.AddClientAsync("https://other.test/callback");

        using var toClient = await _app.Browser().FollowAsync(client.AuthorizeUrl());
        using var toForgery = await _app.Browser().GetAsync("/account/sign-in?returnUrl=" +
            Uri.EscapeDataString(forged.AuthorizeUrl().Replace("other.test", "evil.test")), TestContext.Current.CancellationToken);

        Assert.StartsWith("/account/sign-in", toClient.PathAndQuery());
        Assert.Contains("form-action 'self' https://signin-csp.test;", Csp(toClient));
        Assert.Contains("form-action 'self';", Csp(toForgery));
    }

    [Fact]
    public async Task Consent_UiLocalesTraditionalChinese_ShowsTheScreenInChinese()
    {
        var client = await _app.AddClientAsync();
        var (browser, email) = await _app.NewPersonAsync();
        using var signIn = await browser.SignInAsync(email);

        using var response = await browser.FollowAsync(client.AuthorizeUrl(extra: [("ui_locales", "zh-HK en")]));
        var page = await response.ReadPageAsync();

        Assert.StartsWith("/zh-hk/connect/authorize", response.PathAndQuery());
        Assert.Equal("zh-HK", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("測試服務 " + client.ClientId, page.QuerySelector("h1")!.TextContent);
        Assert.Contains("電郵地址", page.QuerySelector("[data-consent-fields]")!.TextContent);
    }

    [Fact]
    public async Task Consent_GivenBefore_IsNotAskedAgain()
    {
        var client = await _app.AddClientAsync();
        var (browser, email) = await _app.NewPersonAsync();
        await browser.SignInToClientAsync(client, email);
        var again = new TestClient(_app, client.ClientId, client.RedirectUri, null);

        using var response = await browser.FollowAsync(again.AuthorizeUrl());

        Assert.True(again.Callback(response).ContainsKey("code"));
    }

    [Fact]
    public async Task Consent_Declined_SendsAccessDeniedToTheClient()
    {
        var client = await _app.AddClientAsync();
        var (browser, email) = await _app.NewPersonAsync();

        using var response = await browser.AuthorizeAsync(client.AuthorizeUrl(), email, consent: "decline");

        var callback = client.Callback(response);
        Assert.Equal("access_denied", callback["error"]);
        Assert.False(callback.ContainsKey("code"));
    }

    [Fact]
    public async Task Consent_Revoked_UserInfoNoLongerReturnsTheFields()
    {
        var client = await _app.AddClientAsync();
        var (browser, email) = await _app.NewPersonAsync();
        var tokens = await browser.SignInToClientAsync(client, email);
        var accessToken = tokens.GetProperty("access_token").GetString()!;
        var (_, before) = await client.UserInfoAsync(accessToken);

        await RevokeConsentsAsync(email);
        var (status, after) = await client.UserInfoAsync(accessToken);

        Assert.Equal(email, before!.Value.GetProperty("email").GetString());
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(after!.Value.TryGetProperty("sub", out _));
        Assert.False(after.Value.TryGetProperty("email", out _));
    }

    [Fact]
    public async Task Scopes_WithoutProfileFields_SkipTheConsentScreen()
    {
        var client = await _app.AddClientAsync();
        var (browser, email) = await _app.NewPersonAsync();
        using var signIn = await browser.SignInAsync(email);

        using var response = await browser.FollowAsync(client.AuthorizeUrl("openid"));

        Assert.True(client.Callback(response).ContainsKey("code"));
    }

    [Fact]
    public async Task AcrValuesAdvanced_BasicSession_RedirectsToStepUpWithTheRequestAsReturnUrl()
    {
        var client = await _app.AddClientAsync();
        var (browser, email) = await _app.NewPersonAsync();
        using var signIn = await browser.SignInAsync(email);
        var url = client.AuthorizeUrl(extra: [("acr_values", "verified advanced")]);

        using var response = await browser.GetAsync(url, TestContext.Current.CancellationToken);

        var location = response.Location().Local();
        Assert.StartsWith("/account/step-up?", location);
        var query = QueryHelpers.ParseQuery(new Uri("http://x" + location).Query);
        Assert.Equal("advanced", query["level"].ToString());
        Assert.Equal(url, query["returnUrl"].ToString());
    }

    [Fact]
    public async Task AcrValuesBasic_BasicSession_IssuesTheCodeWithAcrBasic()
    {
        var client = await _app.AddClientAsync();
        var (browser, email) = await _app.NewPersonAsync();

        var tokens = await browser.SignInToClientAsync(client, email, extra: [("acr_values", "basic")]);

        Assert.Equal("basic", tokens.IdToken().GetClaim("acr").Value);
    }

    [Fact]
    public async Task PromptLogin_SignedIn_ForcesTheSignInPageThenIssuesAFreshAuthTime()
    {
        var client = await _app.AddClientAsync();
        var (browser, email) = await _app.NewPersonAsync();
        var first = (await browser.SignInToClientAsync(client, email)).IdToken();
        _app.Clock.Advance(TimeSpan.FromMinutes(5));
        var again = new TestClient(_app, client.ClientId, client.RedirectUri, null);

        using var forced = await browser.GetAsync(again.AuthorizeUrl(extra: [("prompt", "login")]), TestContext.Current.CancellationToken);
        var second = (await browser.SignInToClientAsync(again, email, extra: [("prompt", "login")])).IdToken();

        Assert.StartsWith("/account/sign-in?", forced.Location().Local());
        Assert.DoesNotContain("prompt", QueryHelpers.ParseQuery(new Uri("http://x" + forced.Location().Local()).Query)["returnUrl"].ToString());
        Assert.True(long.Parse(second.GetClaim("auth_time").Value) >= long.Parse(first.GetClaim("auth_time").Value) + 300);
    }

    [Fact]
    public async Task MaxAge_SessionOlderThanIt_SendsToSignIn()
    {
        var client = await _app.AddClientAsync();
        var (browser, email) = await _app.NewPersonAsync();
        using var signIn = await browser.SignInAsync(email);
        _app.Clock.Advance(TimeSpan.FromMinutes(10));

        using var young = await browser.GetAsync(client.AuthorizeUrl("openid", ("max_age", "3600")), TestContext.Current.CancellationToken);
        using var old = await browser.GetAsync(client.AuthorizeUrl("openid", ("max_age", "60")), TestContext.Current.CancellationToken);

        Assert.StartsWith(client.RedirectUri, young.Location());
        Assert.StartsWith("/account/sign-in?", old.Location().Local());
    }

    [Fact]
    public async Task PromptNone_Anonymous_ReturnsLoginRequired()
    {
        var client = await _app.AddClientAsync();

        using var response = await _app.Browser().GetAsync(client.AuthorizeUrl(extra: [("prompt", "none")]), TestContext.Current.CancellationToken);

        Assert.Equal("login_required", client.Callback(response)["error"]);
    }

    private static string Csp(HttpResponseMessage response) => response.Headers.GetValues("Content-Security-Policy").Single();

    private async Task RevokeConsentsAsync(string email)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<OneStopUser>>().FindByEmailAsync(email);
        var receipts = scope.ServiceProvider.GetRequiredService<ConsentReceipts>();
        foreach (var receipt in await receipts.ListAsync(user!.Id, TestContext.Current.CancellationToken))
            Assert.True(await receipts.RevokeAsync(user.Id, receipt.Id, TestContext.Current.CancellationToken));
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
