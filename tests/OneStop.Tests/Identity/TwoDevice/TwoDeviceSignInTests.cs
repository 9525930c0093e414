using System.Net;
using AngleSharp.Dom;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;

namespace OneStop.Tests.Identity.TwoDevice;

/// <summary>
/// Signing in on a computer with a phone: two browsers (the computer and the phone) against one app,
/// the computer's cookies in a container the test can read, the app's clock moved to expire requests.
/// </summary>
public abstract class TwoDeviceSignInTests(Provider provider) : IAsyncLifetime
{
    private const string BrowserCookie = "onestop-phone-sign-in";
    private static readonly Uri Site = new("http://localhost");
    private OneStopApp _app = null!;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider, seed: false);
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null) await _app.DisposeAsync();
    }

    [Fact]
    public async Task Continue_AfterThePhoneApproves_SignsTheComputerInAsThePhonesUser()
    {
        var (computer, _) = NewBrowser();
        var (phone, _) = NewBrowser();
        var email = await phone.SignedInAsync(_app);

        var started = await StartAsync(computer);
        var (askStatus, ask) = await phone.GetPageAsync(started.PhonePath);
        using var approved = await phone.SubmitAsync(ask, started.PhonePath, new Dictionary<string, string>(), "Approve");
        using var continued = await ContinueAsync(computer, started);
        var (accountStatus, account) = await computer.GetPageAsync(continued.Location());

        Assert.Equal(200, askStatus);
        Assert.Equal(started.Code, ask.QuerySelector("[data-short-code]")!.GetAttribute("data-short-code"));
        Assert.Equal("OneStop", ask.QuerySelector("[data-service]")!.TextContent.Trim());
        Assert.Equal("/account", continued.Location());
        Assert.Equal(200, accountStatus);
        Assert.Contains(email, account.QuerySelector("main")!.TextContent);
        Assert.Equal("basic", account.QuerySelector("[data-assurance]")!.GetAttribute("data-assurance"));
        Assert.Contains("with your phone", _app.LastMailTo(email).Subject);
        var events = await EventsAsync(phone);
        Assert.Contains("phone-sign-in.approved", events);
        Assert.Contains("phone-sign-in.used", events);
    }

    [Fact]
    public async Task Start_FromTheSignInPageWithAReturnUrl_ShowsACodeAndQrAndReturnsThereAfterwards()
    {
        var (computer, _) = NewBrowser();
        var (phone, _) = NewBrowser();
        await phone.SignedInAsync(_app);
        var (_, signInPage) = await computer.GetPageAsync("/account/sign-in?returnUrl=%2Faccount%2Factivity");
        var link = signInPage.QuerySelector("a[href^='/account/sign-in/phone']")!.GetAttribute("href")!;

        var started = await StartAsync(computer, WebUtility.HtmlDecode(link));
        await ApproveAsync(phone, started.PhonePath);
        using var continued = await ContinueAsync(computer, started);

        Assert.Matches("^[ACDEFGHJKMNPQRTUVWXY34679]{6}$", started.Code);
        var qr = started.Page.QuerySelector("img[src^='data:image/png;base64,']")!.GetAttribute("src")!;
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], Convert.FromBase64String(qr["data:image/png;base64,".Length..])[..4]);
        Assert.Equal("/account/activity", continued.Location());
    }

    [Fact]
    public async Task Start_WithAnExternalReturnUrl_GoesToTheAccountPageInstead()
    {
        var (computer, _) = NewBrowser();
        var (phone, _) = NewBrowser();
        await phone.SignedInAsync(_app);

        var started = await StartAsync(computer, "/account/sign-in/phone?returnUrl=" + Uri.EscapeDataString("https://evil.example/"));
        await ApproveAsync(phone, started.PhonePath);
        using var continued = await ContinueAsync(computer, started);

        Assert.Equal("/account", continued.Location());
    }

    [Fact]
    public async Task Continue_BeforeThePhoneApproves_SaysSoAndStaysSignedOut()
    {
        var (computer, _) = NewBrowser();
        var started = await StartAsync(computer);

        using var continued = await ContinueAsync(computer, started);
        var page = await continued.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, continued.StatusCode);
        Assert.StartsWith("Error: ", page.Title);
        Assert.NotNull(page.QuerySelector(".govuk-error-summary"));
        Assert.Equal(started.Code, page.QuerySelector("[data-short-code]")!.GetAttribute("data-short-code"));
        Assert.Equal(HttpStatusCode.Redirect, await StatusOfAsync(computer, "/account"));
    }

    [Fact]
    public async Task Continue_TwoMinutesAfterStarting_ShowsExpiredWithStartAgainAndDoesNotSignIn()
    {
        var (computer, _) = NewBrowser();
        var (phone, _) = NewBrowser();
        await phone.SignedInAsync(_app);
        var started = await StartAsync(computer);
        await ApproveAsync(phone, started.PhonePath);

        _app.Clock.Advance(TimeSpan.FromMinutes(2));
        using var continued = await ContinueAsync(computer, started);
        var page = await continued.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, continued.StatusCode);
        Assert.Equal("expired", page.QuerySelector("h1")!.GetAttribute("data-screen"));
        Assert.Contains("Start again", page.QuerySelector("main")!.TextContent);
        Assert.Equal(HttpStatusCode.Redirect, await StatusOfAsync(computer, "/account"));
        Assert.Contains("phone-sign-in.expired", await EventsAsync(phone));
    }

    [Fact]
    public async Task Approve_TwoMinutesAfterStarting_IsRefusedAsExpired()
    {
        var (computer, _) = NewBrowser();
        var (phone, _) = NewBrowser();
        await phone.SignedInAsync(_app);
        var started = await StartAsync(computer);
        var (_, ask) = await phone.GetPageAsync(started.PhonePath);

        _app.Clock.Advance(TimeSpan.FromMinutes(2));
        using var approved = await phone.SubmitAsync(ask, started.PhonePath, new Dictionary<string, string>(), "Approve");
        var (_, after) = await phone.GetPageAsync(approved.Location());
        using var continued = await ContinueAsync(computer, started);

        Assert.Equal("expired", after.QuerySelector("h1")!.GetAttribute("data-screen"));
        Assert.Equal("expired", (await continued.ReadPageAsync()).QuerySelector("h1")!.GetAttribute("data-screen"));
        Assert.Equal(HttpStatusCode.Redirect, await StatusOfAsync(computer, "/account"));
    }

    [Fact]
    public async Task Continue_ASecondTime_FailsAndACopiedAddressAnswers404()
    {
        var (computer, cookies) = NewBrowser();
        var (phone, _) = NewBrowser();
        var email = await phone.SignedInAsync(_app);
        var started = await StartAsync(computer);
        await ApproveAsync(phone, started.PhonePath);
        // Everything the computer held before it continued, copied into another browser.
        var (replay, copied) = NewBrowser();
        Assert.True(cookies.GetCookies(Site)[BrowserCookie]?.HttpOnly);
        foreach (Cookie cookie in cookies.GetCookies(Site)) copied.Add(Site, new Cookie(cookie.Name, cookie.Value));
        using var first = await ContinueAsync(computer, started);

        using var second = await ContinueAsync(replay, started);
        var (stranger, _) = NewBrowser();

        Assert.Equal("/account", first.Location());
        Assert.Equal(HttpStatusCode.NotFound, second.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, await StatusOfAsync(stranger, started.WaitPath));
        Assert.Single(_app.To(email), m => m.Subject?.Contains("with your phone") == true);
        Assert.Single(await EventsAsync(phone), e => e == "phone-sign-in.used");
    }

    [Fact]
    public async Task Decline_OnThePhone_TellsTheComputerAndDoesNotSignIn()
    {
        var (computer, _) = NewBrowser();
        var (phone, _) = NewBrowser();
        await phone.SignedInAsync(_app);
        var started = await StartAsync(computer);
        var (_, ask) = await phone.GetPageAsync(started.PhonePath);

        using var declined = await phone.SubmitAsync(ask, started.PhonePath, new Dictionary<string, string>(), "Decline");
        var (_, after) = await phone.GetPageAsync(declined.Location());
        using var continued = await ContinueAsync(computer, started);
        var computerPage = await continued.ReadPageAsync();

        Assert.Equal("declined", after.QuerySelector("h1")!.GetAttribute("data-screen"));
        Assert.Equal("declined", computerPage.QuerySelector("h1")!.GetAttribute("data-screen"));
        Assert.Equal(HttpStatusCode.Redirect, await StatusOfAsync(computer, "/account"));
        Assert.Contains("phone-sign-in.declined", await EventsAsync(phone));
    }

    [Fact]
    public async Task PhonePage_NotSignedIn_AsksToSignInFirstThenComesBack()
    {
        var (computer, _) = NewBrowser();
        var (phone, _) = NewBrowser();
        var email = Accounts.NewEmail();
        await phone.RegisterAsync(email);
        await phone.ConfirmAsync(_app, email);
        var started = await StartAsync(computer);

        using var challenged = await phone.GetAsync(started.PhonePath, TestContext.Current.CancellationToken);
        var signInUrl = new Uri(Site, challenged.Headers.Location!).PathAndQuery;
        using var signedIn = await phone.SignInAsync(email, url: signInUrl);

        Assert.Equal(HttpStatusCode.Redirect, challenged.StatusCode);
        Assert.StartsWith("/account/sign-in?returnUrl=", signInUrl);
        Assert.Equal(started.PhonePath, signedIn.Location());
        Assert.Equal(HttpStatusCode.OK, await StatusOfAsync(phone, started.PhonePath));
    }

    [Fact]
    public async Task AnotherComputer_CannotSeeOrContinueSomeoneElsesRequest()
    {
        var (computer, _) = NewBrowser();
        var (intruder, _) = NewBrowser();
        var (phone, _) = NewBrowser();
        await phone.SignedInAsync(_app);
        var started = await StartAsync(computer);
        await ApproveAsync(phone, started.PhonePath);
        // A form and antiforgery token of the intruder's own, posted to the other computer's request.
        var (_, ownPage) = await intruder.GetPageAsync("/account/sign-in/phone");

        var seen = await StatusOfAsync(intruder, started.WaitPath);
        var status = await StatusOfAsync(intruder, started.WaitPath + "?handler=Status");
        // The start page's form has no action, so it is posted to the address given here.
        using var postedToRequest = await intruder.SubmitAsync(ownPage, started.WaitPath, new Dictionary<string, string>());
        using var owner = await ContinueAsync(computer, started);

        Assert.Equal(HttpStatusCode.NotFound, seen);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal(HttpStatusCode.NotFound, postedToRequest.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, await StatusOfAsync(intruder, "/account"));
        Assert.Equal("/account", owner.Location());
    }

    [Fact]
    public async Task Continue_TwiceAtOnceFromTheSameComputer_SignsInAtMostOnce()
    {
        var (computer, _) = NewBrowser();
        var (phone, _) = NewBrowser();
        var email = await phone.SignedInAsync(_app);
        var started = await StartAsync(computer);
        await ApproveAsync(phone, started.PhonePath);

        var responses = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ =>
            ContinueAsync(computer, started)));

        var signedIn = responses.Count(r => r.StatusCode == HttpStatusCode.Redirect
            && r.Headers.TryGetValues("Set-Cookie", out var set) && set.Any(c => c.StartsWith("onestop-session=", StringComparison.Ordinal)));
        Assert.Equal(1, signedIn);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.NotFound);
        Assert.Single(_app.To(email), m => m.Subject?.Contains("with your phone") == true);
        Assert.Single(await EventsAsync(phone), e => e == "phone-sign-in.used");
        foreach (var response in responses) response.Dispose();
    }

    [Fact]
    public async Task StatusEndpoint_ForTheComputer_FollowsThePhonesAnswer()
    {
        var (computer, _) = NewBrowser();
        var (phone, _) = NewBrowser();
        await phone.SignedInAsync(_app);
        var started = await StartAsync(computer);

        var before = await computer.GetJsonAsync(started.WaitPath + "?handler=Status");
        await ApproveAsync(phone, started.PhonePath);
        var after = await computer.GetJsonAsync(started.WaitPath + "?handler=Status");

        Assert.Equal("pending", before.GetProperty("state").GetString());
        Assert.Equal("approved", after.GetProperty("state").GetString());
    }

    private sealed record Started(string WaitPath, string PhonePath, string Code, IDocument Page);

    /// <summary>A browser without automatic redirects whose cookie jar the test can read and change.</summary>
    private (HttpClient Client, CookieContainer Cookies) NewBrowser()
    {
        var cookies = new CookieContainer();
        return (_app.CreateDefaultClient(new CookieContainerHandler(cookies)), cookies);
    }

    private static async Task<Started> StartAsync(HttpClient computer, string startPath = "/account/sign-in/phone")
    {
        using var start = await computer.SubmitAsync(startPath, new Dictionary<string, string>());
        var waitPath = start.Location();
        var (status, page) = await computer.GetPageAsync(waitPath);
        Assert.Equal(200, status);
        var phoneLink = new Uri(page.QuerySelector("[data-phone-link]")!.TextContent.Trim());
        return new Started(waitPath, phoneLink.PathAndQuery, page.QuerySelector("[data-short-code]")!.GetAttribute("data-short-code")!, page);
    }

    /// <summary>Presses "continue" on the waiting page the computer was shown (whatever the page would show now).</summary>
    private static Task<HttpResponseMessage> ContinueAsync(HttpClient computer, Started started) =>
        computer.SubmitAsync(started.Page, started.WaitPath, new Dictionary<string, string>());

    private static async Task ApproveAsync(HttpClient phone, string phonePath)
    {
        using var approved = await phone.SubmitAsync(phonePath, new Dictionary<string, string>(), "Approve");
        Assert.Equal(phonePath, approved.Location());
    }

    private static async Task<HttpStatusCode> StatusOfAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        return response.StatusCode;
    }

    private static async Task<List<string>> EventsAsync(HttpClient client)
    {
        var (_, page) = await client.GetPageAsync("/account/activity");
        return page.QuerySelectorAll("[data-event]").Select(e => e.GetAttribute("data-event")!).ToList();
    }
}

public sealed class TwoDeviceSignInTests_Sqlite() : TwoDeviceSignInTests(Provider.Sqlite);

public sealed class TwoDeviceSignInTests_Postgres() : TwoDeviceSignInTests(Provider.Postgres);
