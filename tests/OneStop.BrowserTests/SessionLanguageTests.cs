using Microsoft.Playwright;
using OneStop.BrowserTests.Infrastructure;

namespace OneStop.BrowserTests;

/// <summary>
/// One OneStop ID session for the whole site: a person who signs in on one language edition and then uses
/// the language switch (or is sent to a page without the prefix) is still signed in.
/// </summary>
public sealed class SessionLanguageTests(Portal portal) : IClassFixture<Portal>
{
    [Theory]
    [InlineData("en", "zh-HK")]
    [InlineData("zh-HK", "en")]
    [InlineData("zh-CN", "zh-HK")]
    public async Task SignIn_ThenSwitchLanguage_StillSignedIn(string signInTag, string switchTag)
    {
        var (signInEdition, switchEdition) = (Edition.Of(signInTag), Edition.Of(switchTag));
        var citizen = await portal.Server.CreateAsync();
        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await page.SignInAsync(signInEdition, citizen);
        await page.GotoAsync(signInEdition.Path("/account"));

        var before = page.Url;
        await page.Locator($"nav.govuk-language-navigation a[lang='{switchEdition.Tag}']").ClickAsync();
        await page.WaitForURLAsync(url => url != before);

        // One session cookie, sent on every page whatever its language prefix.
        var paths = (await page.Context.CookiesAsync()).Where(c => c.Name == "onestop-session").Select(c => c.Path).ToList();
        Assert.True(page.Url.EndsWith(switchEdition.Path("/account"), StringComparison.Ordinal) && await page.Locator("[data-assurance]").CountAsync() == 1,
            $"DEFECT: signed in on {signInEdition.Home}, the person is signed out on {switchEdition.Home}: now at {page.Url}; " +
            $"onestop-session cookie paths: {string.Join(", ", paths)}");
        Assert.True(paths is ["/"], $"DEFECT: the onestop-session cookie should be one, with Path=/; the browser holds {paths.Count}, with paths {string.Join(", ", paths)}");
        await page.AssertLanguageAsync(switchEdition);
    }

    /// <summary>Signed in on the English edition (cookie Path=/), the person reads their account in Chinese and signs out there.</summary>
    [Theory]
    [InlineData("en", "zh-HK")]
    [InlineData("en", "zh-CN")]
    public async Task SignOut_OnAnotherLanguageEdition_SignedOutEverywhere(string signInTag, string signOutTag)
    {
        var (signInEdition, signOutEdition) = (Edition.Of(signInTag), Edition.Of(signOutTag));
        var citizen = await portal.Server.CreateAsync();
        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await page.SignInAsync(signInEdition, citizen);
        await page.GotoAsync(signOutEdition.Path("/account"));

        await page.SignOutAsync(signOutEdition);

        foreach (var edition in new[] { signInEdition, signOutEdition })
        {
            await page.GotoAsync(edition.Path("/account"));
            var paths = (await page.Context.CookiesAsync()).Where(c => c.Name == "onestop-session").Select(c => c.Path);
            Assert.True(new Uri(page.Url).AbsolutePath == edition.Path("/account/sign-in"),
                $"DEFECT: signed out on {signOutEdition.Home}, the person is still signed in on {edition.Home} ({page.Url}); " +
                $"onestop-session cookies left with paths: {string.Join(", ", paths)}");
        }
    }
}
