using Microsoft.Playwright;
using OneStop.BrowserTests.Infrastructure;

namespace OneStop.BrowserTests;

/// <summary>
/// Signing in on a computer with one's phone (docs/identity/two-device.md): the computer's page with the QR
/// code and short code, the phone's approve page in a second browser signed in as the same person, and the
/// computer carrying on (pressed by the polling script, or by the person without JavaScript). Axe on every page.
/// </summary>
public sealed class TwoDeviceJourneyTests(Portal portal) : IClassFixture<Portal>
{
    [Theory]
    [InlineData("en", true, "LEE Ka Wai")]
    [InlineData("zh-HK", true, "CHEUNG Chi Keung")]
    [InlineData("zh-CN", true, "LAM Wing Yan")]
    [InlineData("zh-HK", false, "HO Kwok Fai")]
    public async Task PhoneSignIn_ApprovedOnPhone_ComputerSignedIn(string tag, bool javaScript, string resident)
    {
        var edition = Edition.Of(tag);
        var citizen = await portal.Server.CreateAsync(provedAs: Citizens.Resident(resident));
        await using var computer = await portal.OpenAsync(javaScript);
        await using var phone = await portal.OpenAsync(width: 390, height: 844);
        var shortCode = await StartOnComputerAsync(computer, edition);

        // Continue before the phone has answered: told so, in an error summary.
        await computer.Page.Locator("form[data-phone-sign-in-status] button").ClickAsync();
        await computer.Page.AssertErrorSummaryAsync();
        await computer.AssertAccessibleAsync();

        var approvePage = await OpenOnPhoneAsync(phone, edition, citizen, computer.Page);
        Assert.Equal(shortCode, await approvePage.Locator("[data-short-code]").GetAttributeAsync("data-short-code"));
        await phone.AssertAccessibleAsync();
        await approvePage.Locator("form[action*='handler=Approve'] button").ClickAsync();
        await Assertions.Expect(approvePage.Locator("h1[data-screen=approved]")).ToBeVisibleAsync();
        await phone.AssertAccessibleAsync();

        // With script the waiting page presses continue itself; without, the person does.
        if (!javaScript) await computer.Page.Locator("form[data-phone-sign-in-status] button").ClickAsync();
        await computer.Page.WaitForURLAsync(Citizens.EndsWith(edition.Path("/account")), new() { Timeout = 15_000 });
        await computer.Page.AssertLanguageAsync(edition);
        Assert.Equal(citizen.Email, (await computer.Page.Locator("main dl dd").First.InnerTextAsync()).Trim());
        Assert.Equal("verified", await computer.Page.Locator("[data-assurance]").GetAttributeAsync("data-assurance"));
        await computer.AssertAccessibleAsync();
    }

    [Theory]
    [InlineData("en", true)]
    [InlineData("zh-HK", false)]
    [InlineData("zh-CN", true)]
    public async Task PhoneSignIn_DeclinedOnPhone_ComputerToldAndCanStartAgain(string tag, bool javaScript)
    {
        var edition = Edition.Of(tag);
        var citizen = await portal.Server.CreateAsync();
        await using var computer = await portal.OpenAsync(javaScript);
        await using var phone = await portal.OpenAsync(width: 390, height: 844);
        await StartOnComputerAsync(computer, edition);

        var approvePage = await OpenOnPhoneAsync(phone, edition, citizen, computer.Page);
        await approvePage.Locator("form[action*='handler=Decline'] button").ClickAsync();
        await Assertions.Expect(approvePage.Locator("h1[data-screen=declined]")).ToBeVisibleAsync();
        await phone.AssertAccessibleAsync();

        if (!javaScript) await computer.Page.Locator("form[data-phone-sign-in-status] button").ClickAsync();
        await Assertions.Expect(computer.Page.Locator("h1[data-screen=declined]")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await computer.AssertAccessibleAsync();
        await computer.Page.SubmitAsync(); // Start again
        await Assertions.Expect(computer.Page.Locator("h1[data-screen=waiting]")).ToBeVisibleAsync();
        await computer.Page.AssertLanguageAsync(edition);
    }

    [Fact]
    public async Task PhoneSignIn_CodeExpired_BothDevicesSayItExpired()
    {
        var edition = Edition.SimplifiedChinese;
        var citizen = await portal.Server.CreateAsync();
        await using var computer = await portal.OpenAsync(javaScript: false);
        await using var phone = await portal.OpenAsync(width: 390, height: 844);
        await StartOnComputerAsync(computer, edition);
        var phoneLink = (await computer.Page.Locator("[data-phone-link]").InnerTextAsync()).Trim();

        portal.Server.Clock.Advance(TimeSpan.FromMinutes(3));

        await computer.Page.Locator("form[data-phone-sign-in-status] button").ClickAsync();
        await Assertions.Expect(computer.Page.Locator("h1[data-screen=expired]")).ToBeVisibleAsync();
        await computer.AssertAccessibleAsync();
        await phone.Page.SignInAsync(edition, citizen);
        await phone.Page.GotoAsync(phoneLink);
        await Assertions.Expect(phone.Page.Locator("h1[data-screen=expired]")).ToBeVisibleAsync();
        Assert.Equal(0, await phone.Page.Locator("main form").CountAsync());
        await phone.AssertAccessibleAsync();
    }

    /// <summary>Sign-in page → "Sign in with your phone instead" → start → the waiting page; returns its short code.</summary>
    private static async Task<string> StartOnComputerAsync(BrowserSession computer, Edition edition)
    {
        var page = computer.Page;
        await page.GotoAsync(edition.Path("/account/sign-in"));
        await page.Locator("main a[href*='/account/sign-in/phone']").ClickAsync();
        await page.WaitForURLAsync(Citizens.EndsWith(edition.Path("/account/sign-in/phone")));
        await page.AssertLanguageAsync(edition);
        await computer.AssertAccessibleAsync();

        await page.SubmitAsync();
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex(System.Text.RegularExpressions.Regex.Escape(edition.Path("/account/sign-in/phone/")) + "[^/?]+$"));
        await Assertions.Expect(page.Locator("main img[src^='data:image/png']")).ToHaveAttributeAsync("alt", new System.Text.RegularExpressions.Regex("\\S"));
        var phoneLink = (await page.Locator("[data-phone-link]").InnerTextAsync()).Trim();
        Assert.StartsWith(portal(page) + edition.Path("/account/approve/"), phoneLink);
        await computer.AssertAccessibleAsync();
        return await page.Locator("[data-short-code]").GetAttributeAsync("data-short-code") ?? "";

        static string portal(IPage page) => new Uri(page.Url).GetLeftPart(UriPartial.Authority);
    }

    /// <summary>The person, signed in on their phone, opens the address the computer shows.</summary>
    private static async Task<IPage> OpenOnPhoneAsync(BrowserSession phone, Edition edition, Citizen citizen, IPage computer)
    {
        var phoneLink = (await computer.Locator("[data-phone-link]").InnerTextAsync()).Trim();
        await phone.Page.SignInAsync(edition, citizen);
        await phone.Page.GotoAsync(phoneLink);
        await Assertions.Expect(phone.Page.Locator("h1[data-screen=ask]")).ToBeVisibleAsync();
        await phone.Page.AssertLanguageAsync(edition);
        return phone.Page;
    }
}
