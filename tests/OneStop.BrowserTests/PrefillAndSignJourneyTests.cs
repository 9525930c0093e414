using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OneStop.BrowserTests.Infrastructure;
using OneStop.Identity.Profile;

namespace OneStop.BrowserTests;

/// <summary>
/// The demo driving-licence renewal in Traditional Chinese (docs/forms/prefill-and-signing.md): the prefill offer,
/// OneStop ID's consent screen, details filled and locked, check your answers, sign and submit. axe on every page.
/// </summary>
public sealed class PrefillAndSignJourneyTests(Portal portal) : IClassFixture<Portal>
{
    [Theory]
    [InlineData("zh-HK", true)]
    [InlineData("en", false)]
    public async Task RenewLicence_PrefillLockedAndSigned_Submits(string tag, bool javaScript)
    {
        var edition = Edition.Of(tag);
        var resident = Citizens.Resident(javaScript ? "LAM Wing Yan" : "NG Hoi Ting");
        var citizen = await portal.Server.CreateAsync(provedAs: resident, authenticator: true, profile: p =>
            p.ResidentialAddress = new HongKongAddress { Flat = "B", Floor = "3/F", Building = "Lucky Mansion", Street = "1 Nathan Road", District = "yau-tsim-mong" });
        await using var session = await portal.OpenAsync(javaScript);
        var page = session.Page;
        await page.SignInAsync(edition, citizen);
        await page.Locator("#Code").FillAsync(portal.Server.NextCode(citizen.AuthenticatorKey!));
        await page.SubmitAsync();
        await page.WaitForURLAsync(Citizens.EndsWith(edition.Path("/account")));

        // Start: the prefill offer comes first.
        await page.GotoAsync(edition.Path("/services/renew-full-driving-licence/apply"));
        await page.Locator("main form button.govuk-button--start").ClickAsync();
        await page.WaitForURLAsync(new Regex("/applications/[0-9a-f-]{36}/prefill$"));
        await page.AssertLanguageAsync(edition);
        await session.AssertAccessibleAsync();
        await page.Locator("main form[action*='handler=Use'] button").ClickAsync();

        // OneStop ID's consent screen, then back to the first question with the details filled in.
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith(edition.Path("/account/consent/"), StringComparison.Ordinal));
        await session.AssertAccessibleAsync();
        await page.Locator("form[action*='handler=Approve'] button").ClickAsync();
        await page.WaitForURLAsync(new Regex("/you\\?prefill=filled$"));
        await Assertions.Expect(page.Locator("[data-prefill-notice=filled]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-locked=identityCard] [data-value]")).ToHaveTextAsync(resident.Card.ToString());
        Assert.Equal(0, await page.Locator("input[name=fullName]").CountAsync());
        Assert.Equal("Lucky Mansion", await page.Locator("#address-building").InputValueAsync());
        await page.AssertLanguageAsync(edition);
        await session.AssertAccessibleAsync();
        await page.Locator("main button[value=continue]").ClickAsync();

        await page.WaitForURLAsync(new Regex("/licence$"));
        await page.Locator("input[name=classes][value='1']").CheckAsync();
        await page.Locator("#period").SelectOptionAsync("ten");
        await page.Locator("#fee").FillAsync("900");
        await page.Locator("main button[value=continue]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/health$"));
        await page.Locator("input[name=hasCondition][value=false]").CheckAsync();
        await page.Locator("main button[value=continue]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/confirm$"));
        await page.Locator("input[name=declaration]").CheckAsync();
        await page.Locator("main button[value=continue]").ClickAsync();

        // Check your answers: no Change link for the locked details; "Sign and submit".
        await page.WaitForURLAsync(new Regex("/check$"));
        Assert.Equal(0, await page.Locator("[data-field=identityCard] .govuk-summary-list__actions").CountAsync());
        await session.AssertAccessibleAsync();
        await page.Locator("main form button[data-sign]").ClickAsync();

        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.StartsWith(edition.Path("/account/sign/"), StringComparison.Ordinal));
        await session.AssertAccessibleAsync();
        await page.SubmitAsync();

        await page.WaitForURLAsync(new Regex("/sent$"));
        await Assertions.Expect(page.Locator("[data-reference]")).ToHaveTextAsync(new Regex(@"^TD-\d{4}-\d{6}$"));
        await page.AssertLanguageAsync(edition);
        await session.AssertAccessibleAsync();
    }
}
