using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OneStop.BrowserTests.Infrastructure;
using OneStop.Documents;
using OneStop.Identity.Staff;
using OneStop.Tests.Identity;
using OneStop.Tests.Identity.Staff;
using OneStop.Tests.Cases;
using OneStop.Tests.Documents;

namespace OneStop.BrowserTests;

/// <summary>
/// The holder's wallet in each language: sign in, open My documents and the document, download the PDF, share it
/// for seven days, and open the link in another browser that has never signed in. axe checks every page on the way.
/// </summary>
public sealed class WalletJourneyTests(Portal portal) : IClassFixture<Portal>
{
    [Theory]
    [InlineData("en", true)]
    [InlineData("zh-HK", true)]
    [InlineData("zh-CN", false)]
    public async Task Wallet_DownloadAndShareForSevenDays_TheLinkShowsTheDocumentValid(string tag, bool javaScript)
    {
        var edition = Edition.Of(tag);
        var server = portal.Server;
        await server.SetTemplateAsync();
        var citizen = await server.CreateAsync();
        var c = await server.NewCaseAsync(citizen.Id, language: tag);
        await server.ApproveAsync(c);
        var document = await server.DocumentOfCaseAsync(c.Id);
        await using var session = await portal.OpenAsync(javaScript);
        var page = session.Page;
        await page.SignInAsync(edition, citizen);

        // My documents, from the account page.
        await page.GotoAsync(edition.Path("/account"));
        await page.Locator($"main a[href='{edition.Path(DocumentPaths.Wallet)}']").ClickAsync();
        await page.WaitForURLAsync(Citizens.EndsWith(edition.Path(DocumentPaths.Wallet)));
        await page.AssertLanguageAsync(edition);
        var row = page.Locator($"[data-document='{document.Id}']");
        await Assertions.Expect(row.Locator("[data-number]")).ToHaveTextAsync(document.Number);
        await Assertions.Expect(row.Locator("[data-state]")).ToHaveAttributeAsync("data-state", "valid");
        await session.AssertAccessibleAsync();

        // The document, and its PDF exactly as signed.
        await row.Locator("th a").ClickAsync();
        await page.WaitForURLAsync(Citizens.EndsWith(edition.Path(DocumentPaths.Document(document.Id))));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(document.Title[OneStop.Platform.Localisation.Languages.FromCulture(tag)!.Value]);
        await session.AssertAccessibleAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("main a[data-download]").ClickAsync());
        Assert.Equal(document.Number + ".pdf", download.SuggestedFilename);
        await using (var pdf = await download.CreateReadStreamAsync())
            Assert.Equal(document.Sha256, Convert.ToHexStringLower(await SHA256.HashDataAsync(pdf, TestContext.Current.CancellationToken)));

        // Sharing without saying for how long: the error summary, then seven days.
        await page.Locator("main button[data-create-share]").ClickAsync();
        await page.AssertErrorSummaryAsync();
        await session.AssertAccessibleAsync();
        await page.Locator("#Expiry-7").CheckAsync();
        await page.Locator("main button[data-create-share]").ClickAsync();
        await page.WaitForURLAsync(new Regex(Regex.Escape(edition.Path(DocumentPaths.Document(document.Id))) + "$"));
        await Assertions.Expect(page.Locator("[data-share-link]")).ToBeVisibleAsync();
        var link = await page.Locator("[data-share-link]").GetAttributeAsync("href");
        Assert.NotNull(link);
        await Assertions.Expect(page.Locator("[data-shares] tbody tr")).ToHaveCountAsync(1);
        await session.AssertAccessibleAsync();

        // Someone who has never signed in opens the link: the document is valid, and its PDF is there.
        await using var stranger = await portal.OpenAsync(javaScript);
        await stranger.Page.GotoAsync(link);
        await Assertions.Expect(stranger.Page.Locator("[data-verdict]")).ToHaveAttributeAsync("data-verdict", "valid");
        await Assertions.Expect(stranger.Page.Locator("[data-number]")).ToHaveTextAsync(document.Number);
        await stranger.Page.AssertLanguageAsync(edition);
        await stranger.AssertAccessibleAsync();
    }

    /// <summary>The department administrator's side: the template list and editor, a refused template, then saved. axe on each page.</summary>
    [Theory]
    [InlineData("en", true)]
    [InlineData("zh-HK", false)]
    public async Task DepartmentAdmin_EditsATemplate_EveryPageAccessible(string tag, bool javaScript)
    {
        var edition = Edition.Of(tag);
        const string service = "renew-full-driving-licence";
        await using var session = await portal.OpenAsync(javaScript);
        var page = session.Page;
        var email = await portal.Server.NewStaffAsync(StaffRole.DepartmentAdmin, "TD");
        // The demo template names TD's demo counters, which must exist for it to be saved.
        await OneStop.Documents.Demo.DemoDocuments.SeedCountersAsync(portal.Server.Services, TestContext.Current.CancellationToken);
        await page.GotoAsync(edition.Path("/account/sign-in?returnUrl=" + Uri.EscapeDataString(edition.Path("/office"))));
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(Accounts.Password);
        await page.Locator("form:has(#Password) button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath.EndsWith("/account/sign-in/second-factor", StringComparison.Ordinal));
        await page.Locator("#Code").FillAsync(portal.Server.NextCode(await portal.Server.AuthenticatorKeyAsync(email)));
        await page.SubmitAsync();
        await page.WaitForURLAsync(Citizens.EndsWith(edition.Path("/office")));

        await page.Locator($"main a[href='{edition.Path("/office/document-templates")}']").ClickAsync();
        await page.WaitForURLAsync(Citizens.EndsWith(edition.Path("/office/document-templates")));
        await session.AssertAccessibleAsync();
        await page.Locator($"tr[data-service='{service}'] th a").ClickAsync();
        await page.WaitForURLAsync(Citizens.EndsWith(edition.Path($"/office/document-templates/{service}")));
        await session.AssertAccessibleAsync();

        // A question the form does not ask: refused, the text kept.
        var json = OneStop.Documents.Demo.DemoDocuments.Templates.Single(t => t.Service == service).Json;
        await page.Locator("#Json").FillAsync(json.Replace("answer:classes", "answer:colour"));
        await page.Locator("main button[data-save]").ClickAsync();
        await page.AssertErrorSummaryAsync("colour");
        await session.AssertAccessibleAsync();
        await page.Locator("#Json").FillAsync(json);
        await page.Locator("main button[data-save]").ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-notification-banner--success")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("main a[data-download]")).ToHaveCountAsync(1);
        await session.AssertAccessibleAsync();
    }
}
