using System.Net;
using OneStop.Tests.Forms.Background;
using OneStop.Tests.Forms.Filling;
using OneStop.Tests.Identity;
using OneStop.Tests.Office;

namespace OneStop.Tests.Forms.Guests;

/// <summary>People without an account: a resume link by email opens their draft in any browser; only the newest link works.</summary>
public sealed class ResumeLinkTests : IAsyncLifetime
{
    private readonly BackgroundApp _app = new(Provider.Sqlite);
    private const string Subject = "Continue your application";

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task SaveLater_Guest_AsksForAnAddressAndEmailsALinkInTheirLanguage()
    {
        var guest = _app.NewBrowser();
        var draft = await guest.StartGuestDraftAsync(_app, "/zh-hk");
        var email = Accounts.NewEmail();

        var confirmation = await guest.AskForLinkAsync(draft, email);

        Assert.StartsWith("/zh-hk/applications/", draft);
        Assert.NotNull(confirmation.QuerySelector("[data-link-sent]"));
        Assert.Equal("我們已發送連結給你", confirmation.QuerySelector("h1")!.TextContent.Trim());
        var mail = Assert.Single(_app.To(email));
        Assert.Equal("繼續你的申請：舉報食物安全或衞生問題", mail.Subject);
        Assert.Matches($"^{draft}/resume\\?secret=[A-Za-z0-9_-]{{43}}$", mail.Link());
        Assert.Contains("（香港時間）前有效", mail.TextBody);
    }

    [Fact]
    public async Task ResumeLink_FreshBrowser_CarriesOnAtTheFirstUnansweredPage()
    {
        var guest = _app.NewBrowser();
        var draft = await guest.StartGuestDraftAsync(_app);
        var email = Accounts.NewEmail();
        await guest.AskForLinkAsync(draft, email);
        var link = _app.LastMailTo(email).Link();
        var elsewhere = _app.NewBrowser();
        using (var before = await elsewhere.GetAsync($"{draft}/where", TestContext.Current.CancellationToken))
            Assert.Equal(HttpStatusCode.Redirect, before.StatusCode); // to sign in: this browser has no access yet

        var target = await elsewhere.ResumeAsync(link);

        Assert.Equal($"{draft}/where", target);
        var (status, page) = await elsewhere.GetPageAsync(target);
        Assert.Equal(200, status);
        Assert.Equal("Lucky Noodles", page.QuerySelector("#shopName")!.GetAttribute("value"));
        var (again, _) = await guest.GetPageAsync(target);
        Assert.Equal(200, again); // the browser that asked was given the new secret too
    }

    [Fact]
    public async Task ResumeLink_NewLinkSent_OldLinkStopsWorking()
    {
        var guest = _app.NewBrowser();
        var draft = await guest.StartGuestDraftAsync(_app);
        var email = Accounts.NewEmail();
        await guest.AskForLinkAsync(draft, email);
        var old = _app.LastMailTo(email).Link();

        await guest.AskForLinkAsync(draft, email);
        var newest = _app.LastMailTo(email).Link();

        Assert.NotEqual(old, newest);
        var (status, page) = await _app.NewBrowser().GetPageAsync(old);
        Assert.Equal(404, status);
        Assert.NotNull(page.QuerySelector("[data-link-invalid]"));
        using var replay = await _app.NewBrowser().PostAsync(old, new FormUrlEncodedContent([new("secret", old.Split("secret=")[1])]), TestContext.Current.CancellationToken);
        Assert.NotEqual(HttpStatusCode.Redirect, replay.StatusCode);
        Assert.Equal($"{draft}/where", await _app.NewBrowser().ResumeAsync(newest));
    }

    [Fact]
    public async Task Resume_WrongSecretOrWrongDraft_SameNotValidPage()
    {
        var guest = _app.NewBrowser();
        var draft = await guest.StartGuestDraftAsync(_app);
        var secret = new string('A', 43);

        var (wrongSecret, secretPage) = await _app.NewBrowser().GetPageAsync($"{draft}/resume?secret={secret}");
        var (wrongDraft, draftPage) = await _app.NewBrowser().GetPageAsync($"/applications/{Guid.NewGuid()}/resume?secret={secret}");
        var (noSecret, _) = await _app.NewBrowser().GetPageAsync($"{draft}/resume");

        Assert.Equal((404, 404, 404), (wrongSecret, wrongDraft, noSecret));
        Assert.Equal(secretPage.QuerySelector("main")!.TextContent, draftPage.QuerySelector("main")!.TextContent);
        Assert.Equal("This link is not valid", secretPage.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task ResumeLink_AddressNotValid_ShowsTheErrorAndKeepsWhatWasTyped()
    {
        var guest = _app.NewBrowser();
        var draft = await guest.StartGuestDraftAsync(_app);

        using var response = await guest.SubmitAsync($"{draft}/resume-link", new Dictionary<string, string> { ["Email"] = "not-an-address" });
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Error: ", page.Title);
        Assert.Equal(["Enter an email address in the correct format, like name@example.com"], page.ErrorSummary());
        Assert.Equal("#Email", page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
        Assert.Equal("not-an-address", page.QuerySelector("input#Email")!.GetAttribute("value"));
    }

    [Fact]
    public async Task ResumeLink_TooManyForOneDraft_RefusedWithoutSending()
    {
        var guest = _app.NewBrowser();
        var draft = await guest.StartGuestDraftAsync(_app);
        var email = Accounts.NewEmail();
        for (var i = 0; i < 5; i++) await guest.AskForLinkAsync(draft, email);

        using var sixth = await guest.SubmitAsync($"{draft}/resume-link", new Dictionary<string, string> { ["Email"] = email });
        var page = await sixth.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, sixth.StatusCode);
        Assert.Contains("too many links", Assert.Single(page.ErrorSummary()));
        Assert.Equal(5, _app.To(email).Count);
        _app.Clock.Advance(TimeSpan.FromDays(1.1));
        await guest.AskForLinkAsync(draft, email);
        Assert.Equal(6, _app.To(email).Count);
    }

    [Fact]
    public async Task ResumeLink_AccountHoldersDraft_GoesToMyApplications()
    {
        var client = _app.NewBrowser();
        await client.SignedInAsync(_app);
        var draft = FillingSteps.DraftPath(await client.StartAsync());

        using var response = await client.GetAsync($"{draft}/resume-link", TestContext.Current.CancellationToken);

        Assert.Equal("/applications", response.Location());
    }
}
