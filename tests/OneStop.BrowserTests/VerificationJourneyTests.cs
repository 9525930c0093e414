using Microsoft.Playwright;
using OneStop.BrowserTests.Infrastructure;
using OneStop.Documents;
using OneStop.Tests.Cases;
using OneStop.Tests.Documents;

namespace OneStop.BrowserTests;

/// <summary>
/// Someone handed a licence checks it in each language, without signing in: types the code under the QR code and
/// sees it valid, then uploads the PDF and sees the signature checked. axe checks every page on the way.
/// </summary>
public sealed class VerificationJourneyTests(Portal portal) : IClassFixture<Portal>
{
    [Theory]
    [InlineData("en", true, "This document is genuine and valid", "No document has this code")]
    [InlineData("zh-HK", false, "此文件真確及有效", "沒有文件使用此代碼")]
    [InlineData("zh-CN", true, "此文件真实且有效", "没有文件使用此代码")]
    public async Task Verify_TypeTheCodeThenUploadThePdf_ValidBothWays(string tag, bool javaScript, string validHeading, string notFoundHeading)
    {
        var edition = Edition.Of(tag);
        await portal.Server.SetTemplateAsync();
        var citizen = await portal.Server.CreateAsync();
        var c = await portal.Server.ApproveAsync(await portal.Server.NewCaseAsync(citizen.Id, language: tag));
        var document = await portal.Server.DocumentOfCaseAsync(c.Id);
        var pdf = await portal.Server.PdfAsync(document);
        await using var session = await portal.OpenAsync(javaScript);
        var page = session.Page;

        // The check page; an empty code is refused with the error summary.
        await page.GotoAsync(edition.Path("/verify"));
        await page.AssertLanguageAsync(edition);
        await session.AssertAccessibleAsync();
        await page.Locator("main form[method=get] button[type=submit]").ClickAsync();
        await page.AssertErrorSummaryAsync();
        await session.AssertAccessibleAsync();

        // The code as read off the paper, in lower case: its own page, valid.
        await page.Locator("#code").FillAsync(document.VerificationCode.ToLowerInvariant());
        await page.Locator("main form[method=get] button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == edition.Path(DocumentPaths.Verify(document.VerificationCode)));
        Assert.Equal(validHeading, await page.HeadingAsync());
        await Assertions.Expect(page.Locator(".govuk-summary-list [data-state]")).ToHaveAttributeAsync("data-state", "valid");
        await Assertions.Expect(page.Locator("[data-field=number]")).ToHaveTextAsync(document.Number);
        await session.AssertAccessibleAsync();

        // Back to the check page by its link, and the PDF uploaded: the signature is valid and the document known.
        await page.Locator("main a[href$='/verify']").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == edition.Path("/verify"));
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "licence.pdf", MimeType = "application/pdf", Buffer = pdf });
        await page.Locator("main form[method=post] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-signature]")).ToHaveAttributeAsync("data-signature", "valid");
        await Assertions.Expect(page.Locator("[data-signature]")).ToHaveAttributeAsync("data-known", "yes");
        await Assertions.Expect(page.Locator(".govuk-summary-list [data-state]")).ToHaveAttributeAsync("data-state", "valid");
        await session.AssertAccessibleAsync();

        // A code that is nobody's: the not-found page, with the form to try again.
        var response = await page.GotoAsync(edition.Path("/verify/0000000000000000"));
        Assert.Equal(404, response!.Status);
        Assert.Equal(notFoundHeading, await page.HeadingAsync());
        await session.AssertAccessibleAsync();
    }
}
