using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OneStop.BrowserTests.Infrastructure;
using OneStop.Documents;
using OneStop.Documents.Pickup;
using OneStop.Tests.Cases;
using OneStop.Tests.Documents;
using OneStop.Tests.Documents.Appointments;

namespace OneStop.BrowserTests;

/// <summary>
/// A holder with an issued licence chooses to collect it at a counter, picks a day and a time, confirms, gets the
/// confirmation with its QR code, then moves it to another time. axe checks every page on the way.
/// </summary>
public sealed class BookingJourneyTests(Portal portal) : IClassFixture<Portal>
{
    [Theory]
    [InlineData("en", true)]
    [InlineData("zh-HK", true)]
    [InlineData("zh-CN", false)]
    public async Task CollectAtACounter_BookThenMove_ConfirmationWithQrCode(string tag, bool javaScript)
    {
        var edition = Edition.Of(tag);
        await portal.Server.TestCounterAsync();
        await portal.Server.SetTemplateAsync();
        var citizen = await portal.Server.CreateAsync();
        var c = await portal.Server.NewCaseAsync(citizen.Id, language: tag);
        await portal.Server.ApproveAsync(c);
        var document = await portal.Server.DocumentOfCaseAsync(c.Id);
        await using var session = await portal.OpenAsync(javaScript);
        var page = session.Page;
        await page.SignInAsync(edition, citizen);

        // How to receive it: at a counter.
        await page.GotoAsync(edition.Path(DocumentPaths.Collect(document.Id)));
        await page.AssertLanguageAsync(edition);
        await session.AssertAccessibleAsync();
        await page.SubmitAsync();
        await page.AssertErrorSummaryAsync();
        await session.AssertAccessibleAsync();
        await page.Locator("main input[name=Method][value=counter]").CheckAsync();
        await page.SubmitAsync();

        // Where, which day, what time, then confirm.
        await BookAsync(page, session, edition, document.Id, last: false);
        await page.WaitForURLAsync(new Regex("/appointments/AP-[0-9A-Z]{8}\\?booked=true$"));
        var code = (await page.Locator("main [data-booking-code]").TextContentAsync())!.Trim();
        Assert.Matches("^AP-[0-9A-HJKMNP-TV-Z]{8}$", code);
        await Assertions.Expect(page.Locator("main img[data-qr]")).ToHaveAttributeAsync("alt", new Regex(Regex.Escape(code)));
        Assert.StartsWith("data:image/png;base64,", await page.Locator("main img[data-qr]").GetAttributeAsync("src"));
        var first = await page.Locator("main [data-when]").TextContentAsync();
        await session.AssertAccessibleAsync();

        // Change the time: the same steps, the same booking code, another time.
        await page.Locator("main a[data-change]").ClickAsync();
        await BookAsync(page, session, edition, document.Id, last: true);
        await page.WaitForURLAsync(new Regex($"/appointments/{code}\\?booked=true$"));
        await Assertions.Expect(page.Locator("main [data-when]")).Not.ToHaveTextAsync(first!);
        await session.AssertAccessibleAsync();

        // Cancelling asks first.
        await page.Locator("main a[data-cancel]").ClickAsync();
        await page.WaitForURLAsync(Citizens.EndsWith(edition.Path(PickupPaths.Cancel(code))));
        await session.AssertAccessibleAsync();
    }

    /// <summary>Counter, day, time and confirm; the first day and time offered, or the last ones.</summary>
    private static async Task BookAsync(IPage page, BrowserSession session, Edition edition, Guid documentId, bool last)
    {
        await page.WaitForURLAsync(Citizens.EndsWith(edition.Path(PickupPaths.Counter(documentId))));
        await session.AssertAccessibleAsync();
        await page.Locator($"main input[name=Choice][value={BookingSteps.Counter}]").CheckAsync();
        await page.SubmitAsync();

        await page.WaitForURLAsync(Citizens.EndsWith(edition.Path(PickupPaths.Day(documentId, BookingSteps.Counter))));
        await session.AssertAccessibleAsync();
        var days = page.Locator("main input[name=Day]");
        await (last ? days.Last : days.First).CheckAsync();
        await page.SubmitAsync();

        await page.WaitForURLAsync(new Regex("/collect/counter/[a-z-]+/\\d{4}-\\d{2}-\\d{2}$"));
        await session.AssertAccessibleAsync();
        var times = page.Locator("main input[name=Time]");
        await (last ? times.Last : times.First).CheckAsync();
        await page.SubmitAsync();

        await page.WaitForURLAsync(new Regex("/collect/counter/[a-z-]+/\\d{4}-\\d{2}-\\d{2}/\\d{4}$"));
        await session.AssertAccessibleAsync();
        await page.Locator("main button[data-confirm-booking]").ClickAsync();
    }
}
