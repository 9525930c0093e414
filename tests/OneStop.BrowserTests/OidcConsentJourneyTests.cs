using System.Security.Cryptography;
using System.Text;
using Microsoft.Playwright;
using OneStop.BrowserTests.Infrastructure;

namespace OneStop.BrowserTests;

/// <summary>
/// Another system (the demo relying party) sends a person to OneStop to sign in: the sign-in page and the
/// consent screen, in each language (asked for with ui_locales), checked with axe, then back to the
/// client with a code. The client's address is answered by the test, since nothing listens there.
/// </summary>
public sealed class OidcConsentJourneyTests(Portal portal) : IClassFixture<Portal>
{
    private const string Callback = "http://127.0.0.1:7890/callback";

    public static TheoryData<string, bool, bool> Cases => new()
    {
        { "en", true, true },
        { "zh-HK", false, true },
        { "zh-CN", true, false },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Authorize_SignInThenConsent_ReturnsACodeOrAccessDeniedToTheClient(string language, bool javaScript, bool agree)
    {
        var edition = Edition.Of(language);
        var citizen = await portal.Server.CreateAsync();
        await using var session = await portal.OpenAsync(javaScript);
        var page = session.Page;
        string? returned = null;
        await page.Context.RouteAsync(Callback + "**", async route =>
        {
            returned = route.Request.Url;
            await route.FulfillAsync(new() { Status = 200, ContentType = "text/plain", Body = "client" });
        });

        await page.GotoAsync(AuthorizeUrl(language));
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/account/sign-in", StringComparison.Ordinal));
        Assert.StartsWith(portal.BaseUrl + edition.Path("/account/sign-in"), page.Url);
        await session.AssertAccessibleAsync();
        await page.Locator("#Email").FillAsync(citizen.Email);
        await page.Locator("#Password").FillAsync(citizen.Password);
        await page.Locator("form:has(#Password) button[type=submit]").ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/connect/authorize", StringComparison.Ordinal));
        await page.AssertLanguageAsync(edition);
        await session.AssertAccessibleAsync();
        await page.Locator($"button[name=decision][value={(agree ? "accept" : "decline")}]").ClickAsync();

        await page.WaitForURLAsync(url => url.StartsWith(Callback, StringComparison.Ordinal));
        Assert.NotNull(returned);
        Assert.Contains(agree ? "code=" : "error=access_denied", returned);
        Assert.Contains("state=journey", returned);
    }

    private static string AuthorizeUrl(string language)
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var challenge = Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        return "/connect/authorize?client_id=onestop-demo-rp&response_type=code&scope=" + Uri.EscapeDataString("openid profile email")
            + "&redirect_uri=" + Uri.EscapeDataString(Callback) + "&code_challenge=" + challenge + "&code_challenge_method=S256"
            + "&state=journey&nonce=" + Guid.NewGuid().ToString("N") + "&ui_locales=" + language;
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
