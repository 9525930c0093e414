using System.Net;

namespace OneStop.Tests.Identity;

/// <summary>Registration, confirmation, sign-in, lockout, reset and sign-out, through the pages as a person uses them.</summary>
public sealed class AccountTests : IAsyncLifetime
{
    private readonly OneStopApp _app = new(Provider.Sqlite, seed: false);

    private HttpClient NewBrowser() => _app.CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public async Task Register_ValidDetails_ConfirmsByEmailThenSignsInAtBasicLevel()
    {
        var client = NewBrowser();
        var email = Accounts.NewEmail();

        await client.RegisterAsync(email);
        var mail = _app.LastMailTo(email);
        Assert.Contains("Confirm", mail.Subject);
        await client.ConfirmAsync(_app, email);
        using var signedIn = await client.SignInAsync(email);
        var (status, account) = await client.GetPageAsync(signedIn.Location());

        Assert.Equal(200, status);
        Assert.Contains(email, account.QuerySelector("main")!.TextContent);
        Assert.Equal("basic", account.QuerySelector("[data-assurance]")!.GetAttribute("data-assurance"));
    }

    [Fact]
    public async Task Register_CommonPassword_ShowsErrorAndKeepsTheEmailButNotThePassword()
    {
        var client = NewBrowser();
        using var response = await client.SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Email"] = "kept@example.com", ["Password"] = "1qaz2wsx3edc4rfv", ["ConfirmPassword"] = "1qaz2wsx3edc4rfv",
        });
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("too common", Assert.Single(page.ErrorSummary()));
        Assert.StartsWith("Error: ", page.Title);
        Assert.Equal("kept@example.com", page.QuerySelector("#Email")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("#Password")!.GetAttribute("value"));
        Assert.Empty(_app.To("kept@example.com"));
    }

    [Fact]
    public async Task Register_ShortPasswordInTraditionalChinese_ExplainsTheLengthInChinese()
    {
        var client = NewBrowser();
        using var response = await client.SubmitAsync("/zh-hk/account/register", new Dictionary<string, string>
        {
            ["Email"] = Accounts.NewEmail(), ["Password"] = "short words", ["ConfirmPassword"] = "short words",
        });
        var page = await response.ReadPageAsync();

        Assert.Equal("密碼最少要有 15 個字元", Assert.Single(page.ErrorSummary()));
        Assert.Equal("#Password", page.QuerySelector(".govuk-error-summary__list a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Register_EmailAlreadyRegistered_LooksTheSameAndTellsTheOwnerByEmail()
    {
        var first = NewBrowser();
        var email = Accounts.NewEmail();
        await first.RegisterAsync(email);

        await NewBrowser().RegisterAsync(email, "another long passphrase here");

        var mails = _app.To(email);
        Assert.Equal(2, mails.Count);
        Assert.Contains("already have", mails[1].Subject);
    }

    [Fact]
    public async Task SignIn_BeforeConfirming_IsRefusedAndSendsAFreshLink()
    {
        var client = NewBrowser();
        var email = Accounts.NewEmail();
        await client.RegisterAsync(email);

        using var response = await client.SignInAsync(email);
        var page = await response.ReadPageAsync();

        Assert.Contains("confirm your email address first", Assert.Single(page.ErrorSummary()));
        Assert.Equal(2, _app.To(email).Count);
    }

    [Fact]
    public async Task SignIn_WrongPasswordFiveTimes_LocksTheAccountEvenForTheRightPassword()
    {
        var client = NewBrowser();
        var email = await client.SignedInAsync(_app);
        var stranger = NewBrowser();

        for (var i = 0; i < 5; i++) (await stranger.SignInAsync(email, "not the password at all")).Dispose();
        using var response = await stranger.SignInAsync(email);
        var page = await response.ReadPageAsync();

        Assert.Contains("too many attempts", Assert.Single(page.ErrorSummary()));
        Assert.Null(response.Headers.Location);
    }

    [Fact]
    public async Task SignIn_UnknownEmail_GivesTheSameMessageAsAWrongPassword()
    {
        var client = NewBrowser();
        var email = await NewBrowser().SignedInAsync(_app);

        var unknown = (await (await client.SignInAsync("nobody@example.com")).ReadPageAsync()).ErrorSummary();
        var wrong = (await (await client.SignInAsync(email, "not the password at all")).ReadPageAsync()).ErrorSummary();

        Assert.Equal(wrong, unknown);
    }

    [Fact]
    public async Task SignIn_WithLocalReturnUrl_GoesBackThereButNeverOffSite()
    {
        var client = NewBrowser();
        var email = await client.SignedInAsync(_app);
        var other = NewBrowser();

        using var local = await other.SignInAsync(email, url: "/account/sign-in?returnUrl=%2Fzh-hk%2Faccount%2Fsecurity");
        using var offSite = await NewBrowser().SignInAsync(email, url: "/account/sign-in?returnUrl=https%3A%2F%2Fevil.example%2F");

        Assert.Equal("/zh-hk/account/security", local.Location());
        Assert.Equal("/account", offSite.Location());
    }

    [Fact]
    public async Task SignIn_OnAChineseEdition_SessionCookieCoversEveryLanguage()
    {
        var email = await NewBrowser().SignedInAsync(_app);

        using var response = await NewBrowser().SignInAsync(email, url: "/zh-hk/account/sign-in");

        var session = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("onestop-session=", StringComparison.Ordinal));
        Assert.Contains("path=/;", session);
    }

    [Fact]
    public async Task AccountPage_Anonymous_RedirectsToSignInInTheSameLanguage()
    {
        using var response = await NewBrowser().GetAsync("/zh-cn/account", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/zh-cn/account/sign-in?returnUrl=%2Fzh-cn%2Faccount", response.Location());
    }

    [Fact]
    public async Task ResetPassword_ByEmailLink_ReplacesThePasswordAndEndsOtherSessions()
    {
        var phone = NewBrowser();
        var email = await phone.SignedInAsync(_app);
        var computer = NewBrowser();

        using (await computer.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = email })) { }
        var link = _app.LastMailTo(email).Link();
        using var reset = await computer.SubmitAsync(link, new Dictionary<string, string>
        {
            ["Password"] = "a brand new passphrase", ["ConfirmPassword"] = "a brand new passphrase",
        });

        Assert.Equal("/account/sign-in?reset=True", reset.Location());
        Assert.Contains("was changed", _app.LastMailTo(email).Subject);
        Assert.Contains("not right", (await (await computer.SignInAsync(email)).ReadPageAsync()).ErrorSummary()[0]);
        Assert.Equal("/account", (await computer.SignInAsync(email, "a brand new passphrase")).Location());
        using var old = await phone.GetAsync("/account", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, old.StatusCode);
    }

    [Fact]
    public async Task ResetPassword_LinkUsedTwice_SaysTheLinkNoLongerWorks()
    {
        var client = NewBrowser();
        var email = await client.SignedInAsync(_app);
        using (await client.SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = email })) { }
        var link = _app.LastMailTo(email).Link();
        var fields = new Dictionary<string, string> { ["Password"] = "a brand new passphrase", ["ConfirmPassword"] = "a brand new passphrase" };
        using (await client.SubmitAsync(link, fields)) { }

        using var again = await client.SubmitAsync(link, new Dictionary<string, string> { ["Password"] = "yet another passphrase", ["ConfirmPassword"] = "yet another passphrase" });

        Assert.Contains("does not work", (await again.ReadPageAsync()).QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task ForgotPassword_UnknownEmail_LooksTheSameAndSendsNothing()
    {
        using var response = await NewBrowser().SubmitAsync("/account/forgot-password", new Dictionary<string, string> { ["Email"] = "nobody@example.com" });

        Assert.Equal("/account/check-email", response.Location());
        Assert.Empty(_app.To("nobody@example.com"));
    }

    [Fact]
    public async Task SignOutEverywhere_EndsTheSessionOnEveryDevice()
    {
        var phone = NewBrowser();
        var email = await phone.SignedInAsync(_app);
        var computer = NewBrowser();
        using (await computer.SignInAsync(email)) { }

        using var signOut = await phone.SubmitAsync("/account/security", new Dictionary<string, string>(), handler: "SignOutEverywhere");
        using var computerAfter = await computer.GetAsync("/account", TestContext.Current.CancellationToken);
        using var phoneAfter = await phone.GetAsync("/account", TestContext.Current.CancellationToken);

        Assert.Equal("/account/signed-out", signOut.Location());
        Assert.Equal(HttpStatusCode.Redirect, computerAfter.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, phoneAfter.StatusCode);
    }

    [Fact]
    public async Task SignOut_WithoutAntiforgeryToken_IsRefused()
    {
        var client = NewBrowser();
        await client.SignedInAsync(_app);

        using var response = await client.PostAsync("/account/sign-out", new FormUrlEncodedContent([]), TestContext.Current.CancellationToken);
        using var account = await client.GetAsync("/account", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, account.StatusCode);
    }

    [Fact]
    public async Task Activity_ListsOwnSignInsAndNotOtherPeoples()
    {
        var mine = NewBrowser();
        await mine.SignedInAsync(_app);
        var theirs = NewBrowser();
        var theirEmail = await theirs.SignedInAsync(_app);
        for (var i = 0; i < 3; i++) (await NewBrowser().SignInAsync(theirEmail, "not the password at all")).Dispose();

        var (_, page) = await mine.GetPageAsync("/account/activity");
        var events = page.QuerySelectorAll("[data-event]").Select(e => e.GetAttribute("data-event")).ToArray();

        Assert.Equal(["account.signed-in", "account.email-confirmed", "account.registered"], events);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
