using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OneStop.BrowserTests.Infrastructure;
using OneStop.Tests.Infrastructure;
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
        // The form can take details from the profile: this person fills them in themselves.
        await page.WaitForURLAsync(new Regex("/applications/[0-9a-f-]{36}/prefill$"));
        await page.Locator("main form[action*='handler=Skip'] button").ClickAsync();
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

/// <summary>A guest saves for later, gets a resume link by email and carries on in another browser; axe on each new page.</summary>
public sealed class GuestJourneyTests(Portal portal) : IClassFixture<Portal>
{
    [Fact]
    public async Task Guest_SaveForLaterAndResumeElsewhere_IsAccessible()
    {
        var email = $"guest-{Guid.NewGuid():N}@example.com";
        await using var session = await portal.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/services/report-a-food-safety-or-hygiene-problem/apply");
        await page.Locator("main form button.govuk-button--start").ClickAsync();
        await page.WaitForURLAsync(new Regex("/applications/[0-9a-f-]{36}/what$"));
        await page.Locator("main button[value=save-later]").ClickAsync();
        await page.WaitForURLAsync(new Regex("/resume-link$"));
        await session.AssertAccessibleAsync();

        await page.Locator("#Email").FillAsync("not an address");
        await page.SubmitAsync();
        await page.AssertErrorSummaryAsync("correct format");
        await session.AssertAccessibleAsync();
        await page.Locator("#Email").FillAsync(email);
        await page.SubmitAsync();
        await Assertions.Expect(page.Locator("[data-link-sent]")).ToBeVisibleAsync();
        await session.AssertAccessibleAsync();

        await using var elsewhere = await portal.OpenAsync(javaScript: false);
        await elsewhere.Page.GotoAsync(new Uri(portal.Server.LastMailTo(email).Link(), UriKind.Relative).ToString());
        await elsewhere.AssertAccessibleAsync();
        await elsewhere.Page.Locator("main button[data-resume]").ClickAsync();
        await elsewhere.Page.WaitForURLAsync(new Regex("/what$"));
        await elsewhere.AssertAccessibleAsync();
    }
}
