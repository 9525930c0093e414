using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OneStop.BrowserTests.Infrastructure;
using OneStop.Tests.Platform.Files;

namespace OneStop.BrowserTests;

/// <summary>
/// The demo restaurant licence's floor plan: choosing nothing, a program named .pdf, then a real PDF with the
/// file picker (SetInputFiles), removing it and adding another, then carrying on. axe checks every state.
/// </summary>
public sealed class UploadJourneyTests(Portal portal) : IClassFixture<Portal>
{
    private const string Service = "apply-for-a-general-restaurant-licence";

    [Theory]
    [InlineData("en", true)]
    [InlineData("zh-HK", false)]
    public async Task RestaurantLicence_UploadRemoveAndReplaceFloorPlan_IsAccessible(string tag, bool javaScript)
    {
        var edition = Edition.Of(tag);
        var citizen = await portal.Server.CreateAsync();
        await using var session = await portal.OpenAsync(javaScript);
        var page = session.Page;
        await page.SignInAsync(edition, citizen);
        await page.GotoAsync(edition.Path($"/services/{Service}/apply"));
        await page.Locator("main form button.govuk-button--start").ClickAsync();
        await page.WaitForURLAsync(new Regex("/applications/[0-9a-f-]{36}/business$"));
        await page.GotoAsync(page.Url.Replace("/business", "/documents"));
        await page.AssertLanguageAsync(edition);
        await session.AssertAccessibleAsync();
        var upload = page.Locator("main button[data-upload=floorPlan]");

        await upload.ClickAsync();
        await page.AssertErrorSummaryAsync();
        await session.AssertAccessibleAsync();

        await page.Locator("#floorPlan").SetInputFilesAsync(new FilePayload { Name = "plan.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Executable() });
        await upload.ClickAsync();
        await page.AssertErrorSummaryAsync("PDF");
        await Assertions.Expect(page.Locator("#floorPlan-error")).ToBeVisibleAsync();
        await session.AssertAccessibleAsync();

        await page.Locator("#floorPlan").SetInputFilesAsync(new FilePayload { Name = "first plan.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Pdf() });
        await upload.ClickAsync();
        await Assertions.Expect(page.Locator("[data-upload-notice]")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-file-field=floorPlan] [data-file] a")).ToHaveTextAsync("first plan.pdf");
        await session.AssertAccessibleAsync();

        await page.Locator("[data-file-field=floorPlan] [data-file] button").ClickAsync();
        await Assertions.Expect(page.Locator("[data-file-field=floorPlan] [data-file]")).ToHaveCountAsync(0);
        await page.Locator("#floorPlan").SetInputFilesAsync(new FilePayload { Name = "second plan.pdf", MimeType = "application/pdf", Buffer = SampleFiles.Pdf() });
        await upload.ClickAsync();
        await Assertions.Expect(page.Locator("[data-file-field=floorPlan] [data-file] a")).ToHaveTextAsync("second plan.pdf");
        await session.AssertAccessibleAsync();

        await page.Locator("main .govuk-button-group button[value=continue]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/confirm$"));
        await session.AssertAccessibleAsync();
    }
}
