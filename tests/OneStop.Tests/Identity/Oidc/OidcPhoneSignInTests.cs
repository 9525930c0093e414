using System.Net;

namespace OneStop.Tests.Identity.Oidc;

/// <summary>
/// Signing in to another service with a phone: the computer is on its way to an authorization request,
/// chooses "sign in with your phone", and the phone is told which service it is approving.
/// </summary>
public sealed class OidcPhoneSignInTests : IAsyncLifetime
{
    private readonly OidcApp _app = new();

    /// <summary>From the authorize request to the phone's approve page; the computer's continue form and the phone's page.</summary>
    private static async Task<(string WaitPath, AngleSharp.Dom.IDocument WaitPage, string PhonePath)> StartFromAuthorizeAsync(HttpClient computer, string authorizeUrl)
    {
        using var signIn = await computer.FollowAsync(authorizeUrl);
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        Assert.StartsWith("/account/sign-in?returnUrl=", signIn.PathAndQuery().Replace("/zh-hk", "", StringComparison.Ordinal));
        var signInPage = await signIn.ReadPageAsync();
        var phoneLink = WebUtility.HtmlDecode(signInPage.QuerySelector("a[href*='/account/sign-in/phone']")!.GetAttribute("href")!);
        using var started = await computer.SubmitAsync(phoneLink, new Dictionary<string, string>());
        var waitPath = started.Location();
        var (status, waitPage) = await computer.GetPageAsync(waitPath);
        Assert.Equal(200, status);
        return (waitPath, waitPage, new Uri(waitPage.QuerySelector("[data-phone-link]")!.TextContent.Trim()).PathAndQuery);
    }

    [Fact]
    public async Task PhoneSignIn_ForAnAuthorizationRequest_PhoneShowsTheClientsNameAndTheComputerGoesOnToConsent()
    {
        var client = await _app.AddClientAsync();
        var computer = _app.Browser();
        var phone = _app.Browser();
        await phone.SignedInAsync(_app);
        var authorizeUrl = client.AuthorizeUrl();

        var (waitPath, waitPage, phonePath) = await StartFromAuthorizeAsync(computer, authorizeUrl);
        var (_, ask) = await phone.GetPageAsync(phonePath);
        using var approved = await phone.SubmitAsync(ask, phonePath, new Dictionary<string, string>(), "Approve");
        using var continued = await computer.SubmitAsync(waitPage, waitPath, new Dictionary<string, string>());
        using var consent = await computer.FollowAsync(continued.Location().Local());

        Assert.Equal("Test service " + client.ClientId, ask.QuerySelector("[data-service]")!.TextContent.Trim());
        Assert.Equal(authorizeUrl, continued.Location().Local());
        Assert.True(OidcFlows.IsConsentPage(consent), consent.PathAndQuery());
    }

    [Fact]
    public async Task PhoneSignIn_ComputerInTraditionalChinese_PhoneShowsTheClientsChineseName()
    {
        var client = await _app.AddClientAsync();
        var computer = _app.Browser();
        var phone = _app.Browser();
        await phone.SignedInAsync(_app);

        var (_, _, phonePath) = await StartFromAuthorizeAsync(computer, client.AuthorizeUrl(extra: ("ui_locales", "zh-HK")));
        var (_, ask) = await phone.GetPageAsync(phonePath);

        Assert.Equal("測試服務 " + client.ClientId, ask.QuerySelector("[data-service]")!.TextContent.Trim());
    }

    [Fact]
    public async Task PhoneSignIn_WithoutAnAuthorizationRequest_PhoneShowsOneStop()
    {
        await _app.AddClientAsync();
        var computer = _app.Browser();
        var phone = _app.Browser();
        await phone.SignedInAsync(_app);
        using var started = await computer.SubmitAsync("/account/sign-in/phone?returnUrl=%2Faccount%2Factivity", new Dictionary<string, string>());
        var (_, waitPage) = await computer.GetPageAsync(started.Location());

        var (_, ask) = await phone.GetPageAsync(new Uri(waitPage.QuerySelector("[data-phone-link]")!.TextContent.Trim()).PathAndQuery);

        Assert.Equal("OneStop", ask.QuerySelector("[data-service]")!.TextContent.Trim());
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
