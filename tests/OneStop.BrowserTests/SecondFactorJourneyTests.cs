using Microsoft.Playwright;
using OneStop.BrowserTests.Infrastructure;
using OneStop.Identity.Profile.Registry;

namespace OneStop.BrowserTests;

/// <summary>
/// Second factors (docs/identity/factors.md): the Security page's list, setting up an authenticator app and
/// its recovery codes, signing in with a code, step-up, and the passkey pages, in each language and without
/// JavaScript, with axe on every page and error state.
/// </summary>
public sealed class SecondFactorJourneyTests(Portal portal) : IClassFixture<Portal>
{
    [Theory]
    [InlineData("en", true, "NG Hoi Ting")]
    [InlineData("zh-HK", true, "TSANG Yuk Lun")]
    [InlineData("zh-CN", false, "LEUNG Sze Wing")]
    public async Task Authenticator_SetUpThenSignInWithCode_ReachesAdvanced(string tag, bool javaScript, string resident)
    {
        var edition = Edition.Of(tag);
        var citizen = await portal.Server.CreateAsync(provedAs: Citizens.Resident(resident));
        await using var session = await portal.OpenAsync(javaScript);
        var page = session.Page;
        await page.SignInAsync(edition, citizen);

        await page.GotoAsync(edition.Path("/account/security"));
        Assert.Equal("false", await page.Locator("[data-factor=authenticator]").GetAttributeAsync("data-on"));
        await session.AssertAccessibleAsync();

        // Set up: the key from the page goes into the "phone"; a wrong code first.
        await page.Locator("[data-factors] a[href$='/account/security/authenticator']").ClickAsync();
        await page.WaitForURLAsync(Citizens.EndsWith(edition.Path("/account/security/authenticator")));
        await Assertions.Expect(page.Locator("main img[src^='data:image/png']")).ToHaveAttributeAsync("alt", new System.Text.RegularExpressions.Regex("\\S"));
        await session.AssertAccessibleAsync();
        var key = (await page.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", "");
        await page.Locator("#Code").FillAsync(Citizens.WrongCode(portal.Server.CodeNow(key)));
        await page.SubmitAsync();
        await page.AssertErrorSummaryAsync();
        Assert.Equal(key, (await page.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", ""));
        await session.AssertAccessibleAsync();
        await page.Locator("#Code").FillAsync(portal.Server.CodeNow(key));
        await page.SubmitAsync();

        // Recovery codes, shown once.
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == edition.Path("/account/security/recovery-codes"));
        Assert.Equal(10, await page.Locator("#recovery-codes code").CountAsync());
        await session.AssertAccessibleAsync();
        await page.Locator("main a.govuk-button").ClickAsync();
        await page.WaitForURLAsync(Citizens.EndsWith(edition.Path("/account/security")));
        Assert.Equal("true", await page.Locator("[data-factor=authenticator]").GetAttributeAsync("data-on"));
        await session.AssertAccessibleAsync();
        await page.GotoAsync(edition.Path("/account/security/recovery-codes"));
        Assert.Equal("10", await page.Locator("[data-recovery-left]").GetAttributeAsync("data-recovery-left"));
        await session.AssertAccessibleAsync();

        // Signed out, then in again: the password leads to the second-factor page.
        await page.SignOutAsync(edition);
        await session.AssertAccessibleAsync();
        await page.SignInAsync(edition, citizen);
        Assert.Equal(edition.Path("/account/sign-in/second-factor"), new Uri(page.Url).AbsolutePath);
        await session.AssertAccessibleAsync();
        var next = portal.Server.NextCode(key);
        await page.Locator("#Code").FillAsync(Citizens.WrongCode(next));
        await page.SubmitAsync();
        await page.AssertErrorSummaryAsync();
        await session.AssertAccessibleAsync();
        await page.Locator("#Code").FillAsync(next);
        await page.SubmitAsync();
        await page.WaitForURLAsync(Citizens.EndsWith(edition.Path("/account")));
        Assert.Equal("advanced", await page.LevelAsync(edition));
    }

    [Theory]
    [InlineData("en", true, "CHOW Man Kit")]
    [InlineData("zh-HK", false, "SMITH John Andrew")]
    [InlineData("zh-CN", true, "KWOK Lai Sheung")]
    public async Task StepUp_SignedInWithRecoveryCode_AppCodeRaisesToAdvanced(string tag, bool javaScript, string resident)
    {
        var edition = Edition.Of(tag);
        var citizen = await portal.Server.CreateAsync(provedAs: Citizens.Resident(resident), authenticator: true);
        await using var session = await portal.OpenAsync(javaScript);
        var page = session.Page;
        // A recovery code is for a lost phone: it signs in, but only at Verified.
        await page.SignInAsync(edition, citizen);
        await page.Locator("#Code").FillAsync(citizen.RecoveryCodes![0]);
        await page.SubmitAsync();
        await page.WaitForURLAsync(Citizens.EndsWith(edition.Path("/account")));
        Assert.Equal("verified", await page.LevelAsync(edition));

        var back = edition.Path("/account");
        await page.GotoAsync(edition.Path("/account/step-up?level=advanced&returnUrl=" + Uri.EscapeDataString(back)));
        Assert.Equal("advanced", await page.Locator("[data-step-up]").GetAttributeAsync("data-step-up"));
        await session.AssertAccessibleAsync();
        var next = portal.Server.NextCode(citizen.AuthenticatorKey!);
        await page.Locator("#Code").FillAsync(Citizens.WrongCode(next));
        await page.SubmitAsync();
        await page.AssertErrorSummaryAsync();
        await session.AssertAccessibleAsync();
        await page.Locator("#Code").FillAsync(next);
        await page.SubmitAsync();

        await page.WaitForURLAsync(Citizens.EndsWith(back));
        Assert.Equal("advanced", await page.LevelAsync(edition));
    }

    [Theory]
    [InlineData("en", "YIP Chun Hei")]
    [InlineData("zh-HK", "LEE Ka Wai")]
    [InlineData("zh-CN", "CHEUNG Chi Keung")]
    public async Task StepUp_BasicAccount_ProvesIdentitySetsUpAppAndComesBackAdvanced(string tag, string residentName)
    {
        var edition = Edition.Of(tag);
        var resident = Citizens.Resident(residentName);
        var citizen = await portal.Server.CreateAsync();
        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await page.SignInAsync(edition, citizen);
        var back = edition.Path("/account");
        await page.GotoAsync(edition.Path("/account/step-up?level=advanced&returnUrl=" + Uri.EscapeDataString(back)));
        await session.AssertAccessibleAsync();

        // Basic: prove identity first, and come back here.
        await page.Locator("[data-step-up-verify]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == edition.Path("/account/verify"));
        await session.AssertAccessibleAsync();
        await ProveAsync(page, resident);
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == edition.Path("/account/step-up"));

        // Verified, nothing set up: the page offers an app or a passkey.
        Assert.Equal(2, await page.Locator("[data-step-up-setup]").CountAsync());
        await session.AssertAccessibleAsync();
        await page.Locator("[data-step-up-setup=authenticator]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == edition.Path("/account/security/authenticator"));
        var key = (await page.Locator("#authenticator-key").InnerTextAsync()).Replace(" ", "");
        await page.Locator("#Code").FillAsync(portal.Server.CodeNow(key));
        await page.SubmitAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == edition.Path("/account/security/recovery-codes"));
        await session.AssertAccessibleAsync();

        // Setting up the app was a use of it: continuing ends where the step-up was asked for.
        await page.Locator("main a.govuk-button").ClickAsync();
        await page.WaitForURLAsync(Citizens.EndsWith(back));
        Assert.Equal("advanced", await page.LevelAsync(edition));
    }

    [Theory]
    [InlineData("en", true)]
    [InlineData("zh-HK", true)]
    [InlineData("zh-CN", true)]
    [InlineData("zh-HK", false)]
    public async Task PasskeyPages_WithAndWithoutScript_AreAccessible(string tag, bool javaScript)
    {
        var edition = Edition.Of(tag);
        var citizen = await portal.Server.CreateAsync();
        await using var session = await portal.OpenAsync(javaScript);
        var page = session.Page;

        await page.GotoAsync(edition.Path("/account/sign-in/passkey"));
        await page.AssertLanguageAsync(edition);
        await session.AssertAccessibleAsync();

        await page.SignInAsync(edition, citizen);
        await page.GotoAsync(edition.Path("/account/security/passkeys"));
        Assert.Equal("0", await page.Locator("[data-passkey-count]").GetAttributeAsync("data-passkey-count"));
        // Without script, the page says passkeys need it; with it (and WebAuthn), the form to add one shows.
        Assert.Equal(javaScript, await page.Locator("form[data-passkey-create]").IsVisibleAsync());
        Assert.Equal(!javaScript, await page.Locator("[data-passkey-unavailable]").IsVisibleAsync());
        await session.AssertAccessibleAsync();
    }

    private static async Task ProveAsync(IPage page, SandboxResident resident)
    {
        await page.Locator("#IdentityCard").FillAsync(resident.IdentityCard);
        await page.Locator("#EnglishName").FillAsync(resident.NameEnglish);
        await page.Locator("#DateOfBirthDay").FillAsync($"{resident.DateOfBirth.Day}");
        await page.Locator("#DateOfBirthMonth").FillAsync($"{resident.DateOfBirth.Month}");
        await page.Locator("#DateOfBirthYear").FillAsync($"{resident.DateOfBirth.Year}");
        await page.SubmitAsync();
    }
}
