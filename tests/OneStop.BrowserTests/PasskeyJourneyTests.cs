using Microsoft.Playwright;
using OneStop.BrowserTests.Infrastructure;

namespace OneStop.BrowserTests;

/// <summary>
/// Passkeys made and used by Chromium itself through its virtual authenticator (Chrome DevTools Protocol
/// WebAuthn domain): passkeys.js, the browser's WebAuthn API and the server's ceremony, end to end.
/// </summary>
public sealed class PasskeyJourneyTests(Portal portal) : IClassFixture<Portal>
{
    [Theory]
    [InlineData("en", "NG Hoi Ting")]
    [InlineData("zh-HK", "TSANG Yuk Lun")]
    [InlineData("zh-CN", "LEUNG Sze Wing")]
    public async Task Passkey_AddedInBrowser_SignsInAloneAtAdvanced(string tag, string resident)
    {
        var edition = Edition.Of(tag);
        var citizen = await portal.Server.CreateAsync(provedAs: Citizens.Resident(resident));
        await using var session = await portal.OpenAsync(localhost: true);
        var page = session.Page;
        await AddVirtualAuthenticatorAsync(page);
        await page.SignInAsync(edition, citizen);

        await page.GotoAsync(edition.Path("/account/security/passkeys"));
        await page.Locator("form[data-passkey-create] #Name").FillAsync("Browser test laptop");
        await page.Locator("form[data-passkey-create] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToBeVisibleAsync();
        Assert.Equal("1", await page.Locator("[data-passkey-count]").GetAttributeAsync("data-passkey-count"));
        Assert.Equal("Browser test laptop", (await page.Locator("[data-passkey-name]").InnerTextAsync()).Trim());
        await session.AssertAccessibleAsync();

        // Rename: the form below the list, then the list again.
        await page.Locator("[data-passkey-count] a[href*='rename=']").ClickAsync();
        await page.Locator("#NewName").FillAsync("Work laptop");
        await session.AssertAccessibleAsync();
        await page.Locator("form[action*='handler=Rename'] button").ClickAsync();
        await Assertions.Expect(page.Locator("[data-passkey-name]")).ToHaveTextAsync("Work laptop");
        await session.AssertAccessibleAsync();

        // Signed out, the passkey alone signs in, and at the advanced level (proved identity + passkey).
        await page.SignOutAsync(edition);
        await page.GotoAsync(edition.Path("/account/sign-in/passkey"));
        await page.Locator("form[data-passkey-get] button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(Citizens.EndsWith(edition.Path("/account")));
        Assert.Equal("advanced", await page.LevelAsync(edition));
        await session.AssertAccessibleAsync();
    }

    /// <summary>A platform authenticator with user verification that always says yes, like a laptop's fingerprint reader.</summary>
    private static async Task AddVirtualAuthenticatorAsync(IPage page)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable", new Dictionary<string, object> { ["enableUI"] = false });
        await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
    }
}
