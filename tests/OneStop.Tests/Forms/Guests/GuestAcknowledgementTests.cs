using System.Net;
using OneStop.Tests.Forms.Background;
using OneStop.Tests.Forms.Filling;
using OneStop.Tests.Identity;
using OneStop.Tests.Office;

namespace OneStop.Tests.Forms.Guests;

/// <summary>Guests give an address on check your answers for the acknowledgement; the draft sweep reminds guests who left one.</summary>
public sealed class GuestAcknowledgementTests : IAsyncLifetime
{
    private readonly BackgroundApp _app = new(Provider.Sqlite);

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Submit_GuestGivesAnAddress_AcknowledgementGoesThere()
    {
        var guest = _app.NewBrowser();
        var check = await guest.AnswerDemoFormAsync(_app, await guest.StartAsync());
        var email = Accounts.NewEmail();

        using (var blank = await guest.SubmitAsync(check, new Dictionary<string, string> { ["guestEmail"] = "" }))
        {
            var page = await blank.ReadPageAsync();
            Assert.Equal(HttpStatusCode.OK, blank.StatusCode);
            Assert.Equal(["Enter an email address so that we can send you a confirmation"], page.ErrorSummary());
            Assert.Equal("#guestEmail", page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
            Assert.NotNull(page.QuerySelector("form button.govuk-button"));
        }
        using (var submit = await guest.SubmitAsync(check, new Dictionary<string, string> { ["guestEmail"] = email }))
            Assert.Equal(FillingSteps.DraftPath(check) + "/sent", submit.Location());
        await _app.RunOutboxAsync();

        var mail = Assert.Single(_app.To(email));
        Assert.StartsWith("Application received: FEHD-", mail.Subject);
    }

    [Fact]
    public async Task Submit_GuestGaveAnAddressForALink_PrefilledAndUsedWhenLeftAsIs()
    {
        var guest = _app.NewBrowser();
        var draft = await guest.StartGuestDraftAsync(_app);
        var email = Accounts.NewEmail();
        await guest.AskForLinkAsync(draft, email);
        var check = await guest.AnswerDemoFormAsync(_app, $"{draft}/what");

        var (_, page) = await guest.GetPageAsync(check);
        Assert.Equal(email, page.QuerySelector("input#guestEmail")!.GetAttribute("value"));
        using (var submit = await guest.SubmitAsync(check, new Dictionary<string, string> { ["guestEmail"] = "" }))
            Assert.Equal($"{draft}/sent", submit.Location());
        await _app.RunOutboxAsync();

        Assert.Single(_app.MailsAbout(email, "Application received"));
    }

    [Fact]
    public async Task Submit_AccountHolder_IsNotAskedForAnAddress()
    {
        var client = _app.NewBrowser();
        await client.SignedInAsync(_app);
        var check = await client.AnswerDemoFormAsync(_app, await client.StartAsync());

        var (_, page) = await client.GetPageAsync(check);

        Assert.Null(page.QuerySelector("input#guestEmail"));
        Assert.Null(page.QuerySelector("[data-save-later]"));
    }

    [Fact]
    public async Task DraftSweep_GuestLeftAnAddress_RemindsWithAFreshResumeLink()
    {
        var guest = _app.NewBrowser();
        var draft = await guest.StartGuestDraftAsync(_app);
        var email = Accounts.NewEmail();
        await guest.AskForLinkAsync(draft, email);
        var emailed = _app.LastMailTo(email).Link();
        var silent = await _app.NewBrowser().StartGuestDraftAsync(_app); // no address: nobody to remind

        _app.Clock.Advance(TimeSpan.FromDays(28));
        await _app.RunDraftSweepAsync();
        await _app.RunDraftSweepAsync();

        var reminder = Assert.Single(_app.MailsAbout(email, "Your unfinished application will be deleted soon"));
        var link = reminder.Link();
        Assert.Matches($"^{draft}/resume\\?secret=", link);
        Assert.NotEqual(emailed, link);
        Assert.Contains("replaces any link we sent you before", reminder.TextBody);
        Assert.Equal(404, (await _app.NewBrowser().GetPageAsync(emailed)).Status);
        Assert.Equal($"{draft}/where", await _app.NewBrowser().ResumeAsync(link));
        Assert.NotNull(silent);
    }
}
