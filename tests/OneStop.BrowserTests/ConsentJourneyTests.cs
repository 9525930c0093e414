using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneStop.BrowserTests.Infrastructure;
using OneStop.Identity.Consent;
using OneStop.Identity.Profile;

namespace OneStop.BrowserTests;

/// <summary>
/// The consent screen a department's service sends a person to, and the list of consents where they withdraw
/// one (docs/identity/profile.md, "The consent screen"), in each language, with and without JavaScript.
/// </summary>
public sealed class ConsentJourneyTests(Portal portal) : IClassFixture<Portal>
{
    /// <summary>Where the (pretend) service wants the person back; a local path without language prefix, as documented.</summary>
    private const string ServiceReturn = "/account/consents";

    [Theory]
    [InlineData("en", true)]
    [InlineData("zh-HK", false)]
    [InlineData("zh-CN", true)]
    public async Task ConsentScreen_Approve_ReceiptListedThenWithdrawn(string tag, bool javaScript)
    {
        var edition = Edition.Of(tag);
        var citizen = await CitizenWithProfileAsync();
        var request = await PendingAsync(citizen);
        await using var session = await portal.OpenAsync(javaScript);
        var page = session.Page;
        await page.SignInAsync(edition, citizen);

        // The screen: who, what for, how long, and each field with its current value.
        await page.GotoAsync(edition.Path($"/account/consent/{request}"));
        await page.AssertLanguageAsync(edition);
        Assert.Equal("TD", await page.Locator("[data-recipient]").GetAttributeAsync("data-recipient"));
        Assert.Equal(3, await page.Locator("[data-field]").CountAsync());
        await Assertions.Expect(page.Locator("[data-field='name.en']")).ToContainTextAsync("NG Hoi Ting");
        await Assertions.Expect(page.Locator("[data-field='address.residential']")).ToContainTextAsync("Tsuen Wan Plaza");
        Assert.Equal(1, await page.Locator("[data-field='hkid'] .govuk-hint").CountAsync()); // "not provided"
        await session.AssertAccessibleAsync();

        var screen = page.Url;
        await page.Locator("form[action*='handler=Approve'] button").ClickAsync();
        await page.WaitForURLAsync(url => url != screen);
        var landing = page.Url;
        var receipt = Query(Unwrapped(landing), "receipt");

        await page.GotoAsync(edition.Path("/account/consents"));
        var card = page.Locator($"[data-receipt='{receipt}']");
        Assert.Equal("active", await card.Locator("[data-status]").GetAttributeAsync("data-status"));
        await session.AssertAccessibleAsync();

        // The same request again: answered once, so no buttons, only the way back.
        await page.GotoAsync(edition.Path($"/account/consent/{request}"));
        Assert.Equal(0, await page.Locator("main form").CountAsync());
        Assert.Contains("consent=granted", await page.Locator("main a.govuk-link").First.GetAttributeAsync("href"));
        await session.AssertAccessibleAsync();

        // Withdraw: the link on the card, the confirmation page, then the list with the banner.
        await page.GotoAsync(edition.Path("/account/consents"));
        await card.Locator("a[href$='/revoke']").ClickAsync();
        await page.WaitForURLAsync(Citizens.EndsWith(edition.Path($"/account/consents/{receipt}/revoke")));
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Transport Department");
        await session.AssertAccessibleAsync();
        await page.SubmitAsync();
        await page.WaitForURLAsync(Citizens.EndsWith(edition.Path("/account/consents")));
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToBeVisibleAsync();
        Assert.Equal("revoked", await card.Locator("[data-status]").GetAttributeAsync("data-status"));
        Assert.Equal(0, await card.Locator("a[href$='/revoke']").CountAsync());
        await session.AssertAccessibleAsync();

        AssertBackAtServiceInLanguage(landing, edition, "granted");
    }

    [Theory]
    [InlineData("en", true)]
    [InlineData("zh-HK", true)]
    [InlineData("zh-CN", false)]
    public async Task ConsentScreen_Decline_NothingShared(string tag, bool javaScript)
    {
        var edition = Edition.Of(tag);
        var citizen = await CitizenWithProfileAsync();
        var request = await PendingAsync(citizen);
        await using var session = await portal.OpenAsync(javaScript);
        var page = session.Page;
        await page.SignInAsync(edition, citizen);

        await page.GotoAsync(edition.Path($"/account/consent/{request}"));
        await session.AssertAccessibleAsync();
        var screen = page.Url;
        await page.Locator("form[action*='handler=Decline'] button").ClickAsync();
        await page.WaitForURLAsync(url => url != screen);
        var landing = page.Url;
        Assert.DoesNotContain("receipt", landing);

        await page.GotoAsync(edition.Path("/account/consents"));
        Assert.Equal(0, await page.Locator("[data-receipt]").CountAsync());
        await page.AssertLanguageAsync(edition);
        await session.AssertAccessibleAsync();

        AssertBackAtServiceInLanguage(landing, edition, "declined");
    }

    [Fact]
    public async Task ConsentScreen_RequestExpired_OffersOnlyTheWayBack()
    {
        var edition = Edition.TraditionalChinese;
        var citizen = await CitizenWithProfileAsync();
        var request = await PendingAsync(citizen);
        portal.Server.Clock.Advance(TimeSpan.FromHours(1)); // Profile:ConsentRequestLifetime is 30 minutes.
        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await page.SignInAsync(edition, citizen);

        await page.GotoAsync(edition.Path($"/account/consent/{request}"));

        Assert.Equal(0, await page.Locator("main form").CountAsync());
        Assert.Contains("consent=expired", await page.Locator("main a.govuk-link").First.GetAttributeAsync("href"));
        await page.AssertLanguageAsync(edition);
        await session.AssertAccessibleAsync();
    }

    private Task<Citizen> CitizenWithProfileAsync() => portal.Server.CreateAsync(profile: details =>
    {
        details.NameEnglish = "NG Hoi Ting";
        details.NameChinese = "吳凱婷";
        details.ResidentialAddress = new HongKongAddress { Flat = "D", Floor = "20/F", Building = "Tsuen Wan Plaza", District = "tsuen-wan" };
    });

    /// <summary>What the Transport Department's service would do before prefilling its form.</summary>
    private async Task<Guid> PendingAsync(Citizen citizen)
    {
        using var scope = portal.Server.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PendingConsents>().CreateAsync(citizen.Id,
            new ConsentRequest(ConsentRecipientType.Department, "TD", "Transport Department", "renew-driving-licence",
                "To fill in your driving licence renewal",
                [ProfileFields.NameEnglish, ProfileFields.IdentityCard, ProfileFields.ResidentialAddress], TimeSpan.FromDays(30)),
            ServiceReturn);
    }

    /// <summary>
    /// KNOWN DEFECT (Chinese editions): the answer should bring the person back to the service in the language
    /// they answered in, still signed in. The consent screen redirects to the bare return URL, so from
    /// /zh-hk/… they land on the English /account/consents, where the session cookie (scoped to /zh-hk) is
    /// not sent, and are asked to sign in again.
    /// </summary>
    private static void AssertBackAtServiceInLanguage(string landing, Edition edition, string outcome)
    {
        var expected = edition.Path(ServiceReturn) + "?consent=" + outcome;
        Assert.True(new Uri(landing).PathAndQuery.StartsWith(expected, StringComparison.Ordinal),
            $"DEFECT: after answering the consent screen in {edition} the person should be back at {expected}…, signed in; they are at {landing}");
    }

    /// <summary>The page itself, or the page a sign-in would return to.</summary>
    private static string Unwrapped(string url) =>
        new Uri(url).AbsolutePath.EndsWith("/account/sign-in", StringComparison.Ordinal) && Query(url, "returnUrl") is { } back ? new Uri(new Uri(url), back).ToString() : url;

    private static string Query(string url, string name) =>
        System.Web.HttpUtility.ParseQueryString(new Uri(url).Query)[name] ?? throw new Xunit.Sdk.XunitException($"{url} has no {name}");
}
