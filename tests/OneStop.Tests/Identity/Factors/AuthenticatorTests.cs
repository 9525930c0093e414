using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Identity.Factors;
using OneStop.Platform.Database;

namespace OneStop.Tests.Identity.Factors;

/// <summary>Authenticator-app codes and recovery codes, at sign-in and on the account's security pages.</summary>
public sealed class AuthenticatorTests : IAsyncLifetime
{
    private readonly OneStopApp _app = new(Provider.Sqlite, seed: false);

    private HttpClient NewBrowser() => _app.CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public async Task EnableAuthenticator_CodeFromTheKeyShown_TurnsItOnShowsTenRecoveryCodesOnceAndEmails()
    {
        var client = NewBrowser();
        var email = await client.SignedInAsync(_app);

        var (_, codes) = await client.EnableAuthenticatorAsync(_app);
        var (_, again) = await client.GetPageAsync("/account/security/recovery-codes");
        var (_, security) = await client.GetPageAsync("/account/security");

        Assert.Equal(10, codes.Distinct().Count());
        Assert.Empty(again.QuerySelectorAll("#recovery-codes"));
        Assert.Equal("10", again.QuerySelector("[data-recovery-left]")!.GetAttribute("data-recovery-left"));
        Assert.Equal("true", security.QuerySelector("[data-factor=authenticator]")!.GetAttribute("data-on"));
        Assert.Contains("authenticator app was set up", _app.LastMailTo(email).Subject);
        Assert.Contains(FactorEvents.AuthenticatorAdded, await EventsAsync(email));
    }

    [Fact]
    public async Task RecoveryCodes_AtRest_AreNotReadableInTheDatabase()
    {
        var client = NewBrowser();
        await client.SignedInAsync(_app);

        var (_, codes) = await client.EnableAuthenticatorAsync(_app);

        await using var scope = _app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<OneStopDb>().UserTokens
            .Where(t => t.Name == "RecoveryCodes").Select(t => t.Value).SingleAsync(TestContext.Current.CancellationToken);
        Assert.Equal(10, stored!.Split(';').Length);
        Assert.All(codes, code => Assert.DoesNotContain(code, stored));
    }

    [Fact]
    public async Task EnableAuthenticator_WrongCode_ShowsErrorAndStaysOff()
    {
        var client = NewBrowser();
        await client.SignedInAsync(_app);
        var (_, setup) = await client.GetPageAsync("/account/security/authenticator");
        var key = setup.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", "");
        var wrong = (int.Parse(_app.CodeNow(key)) + 1) % 1_000_000;

        using var response = await client.SubmitAsync(setup, "/account/security/authenticator",
            new Dictionary<string, string> { ["Code"] = wrong.ToString("D6") }, "Enable");
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("Error: ", page.Title);
        Assert.Contains("not right", Assert.Single(page.ErrorSummary()));
        Assert.Equal(key, page.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", ""));
        Assert.StartsWith("data:image/png;base64,", page.QuerySelector("main img")!.GetAttribute("src"));
    }

    [Fact]
    public async Task SignIn_VerifiedPersonWithPasswordAndCode_ReachesAdvancedAndStaysThereWhenTheSessionIsRechecked()
    {
        var client = NewBrowser();
        var email = await client.AdvancedAsync(_app);

        _app.Clock.Advance(TimeSpan.FromMinutes(2)); // past Identity:SessionCheckInterval: the session is rebuilt

        Assert.Equal("advanced", await client.LevelAsync());
        Assert.Contains(FactorEvents.SecondFactorPassed, await EventsAsync(email));
    }

    [Fact]
    public async Task SignIn_VerifiedPersonWithPasswordOnly_IsVerifiedNotAdvanced()
    {
        var client = NewBrowser();
        var email = await client.SignedInAsync(_app);

        await _app.VerifyIdentityAsync(email);

        Assert.Equal("verified", await client.LevelAsync());
    }

    [Fact]
    public async Task SignIn_WithAuthenticator_AsksForTheCodeAndKeepsTheReturnUrl()
    {
        var client = NewBrowser();
        var email = await client.SignedInAsync(_app);
        var (key, _) = await client.EnableAuthenticatorAsync(_app);
        await client.SignOutAsync();

        using var response = await client.SignInWithCodeAsync(email, _app.NextCode(key), "/account/sign-in?returnUrl=%2Faccount%2Factivity");

        Assert.Equal("/account/activity", response.Location());
    }

    [Fact]
    public async Task SignIn_SameCodeTwice_IsRefusedTheSecondTime()
    {
        var client = NewBrowser();
        var email = await client.SignedInAsync(_app);
        var (key, _) = await client.EnableAuthenticatorAsync(_app);
        await client.SignOutAsync();
        var code = _app.NextCode(key);
        (await client.SignInWithCodeAsync(email, code)).Dispose();
        await client.SignOutAsync();

        using var replay = await client.SignInWithCodeAsync(email, code);

        Assert.Contains("not right", Assert.Single((await replay.ReadPageAsync()).ErrorSummary()));
    }

    [Fact]
    public async Task SignIn_RecoveryCode_WorksOnceAndLeavesTheSessionBelowAdvanced()
    {
        var client = NewBrowser();
        var email = await client.SignedInAsync(_app);
        await _app.VerifyIdentityAsync(email);
        var (_, codes) = await client.EnableAuthenticatorAsync(_app);
        await client.SignOutAsync();

        using var first = await client.SignInWithCodeAsync(email, codes[3].ToLowerInvariant().Replace("-", " "));
        var level = await client.LevelAsync();
        await client.SignOutAsync();
        using var second = await NewBrowser().SignInWithCodeAsync(email, codes[3]);

        Assert.Equal("/account", first.Location());
        Assert.Equal("verified", level);
        Assert.Contains("not right", Assert.Single((await second.ReadPageAsync()).ErrorSummary()));
    }

    [Fact]
    public async Task SignIn_FiveWrongCodes_LocksTheAccountEvenForTheRightCode()
    {
        var client = NewBrowser();
        var email = await client.SignedInAsync(_app);
        var (key, _) = await client.EnableAuthenticatorAsync(_app);
        await client.SignOutAsync();
        var stranger = NewBrowser();
        using var password = await stranger.SignInAsync(email);
        var page = password.Location();

        for (var i = 0; i < 5; i++)
        {
            (await stranger.SubmitAsync(page, new Dictionary<string, string> { ["Code"] = "000000" == _app.CodeNow(key) ? "111111" : "000000" })).Dispose();
        }
        using var right = await stranger.SubmitAsync(page, new Dictionary<string, string> { ["Code"] = _app.NextCode(key) });

        Assert.Null(right.Headers.Location);
        Assert.Contains("too many attempts", Assert.Single((await right.ReadPageAsync()).ErrorSummary()));
        var events = await EventsAsync(email);
        Assert.Equal(5, events.Count(e => e == FactorEvents.SecondFactorFailed));
        Assert.Contains(OneStop.Platform.Audit.AuditEvents.LockedOut, events);
    }

    [Fact]
    public async Task RemoveAuthenticator_ThenPasswordAloneSignsInAndTheOwnerIsTold()
    {
        var client = NewBrowser();
        var email = await client.SignedInAsync(_app);
        await client.EnableAuthenticatorAsync(_app);

        using var removed = await client.SubmitAsync("/account/security/authenticator", new Dictionary<string, string> { ["ConfirmPassword"] = Accounts.Password }, "Remove");
        await client.SignOutAsync();
        using var signedIn = await client.SignInAsync(email);

        Assert.Equal("/account/security/authenticator", removed.Location());
        Assert.Equal("/account", signedIn.Location());
        Assert.Contains("authenticator app was removed", _app.LastMailTo(email).Subject);
        Assert.Contains(FactorEvents.AuthenticatorRemoved, await EventsAsync(email));
    }

    [Fact]
    public async Task RemoveAuthenticator_WrongPassword_IsRefusedAndTheAppStaysOn()
    {
        var client = NewBrowser();
        var email = await client.SignedInAsync(_app);
        await client.EnableAuthenticatorAsync(_app);

        using var refused = await client.SubmitAsync("/account/security/authenticator", new Dictionary<string, string> { ["ConfirmPassword"] = "not the password at all" }, "Remove");
        var page = await refused.ReadPageAsync();

        Assert.Contains("password is not right", Assert.Single(page.ErrorSummary()));
        Assert.NotNull(page.QuerySelector("[data-authenticator=on]"));
        Assert.DoesNotContain(FactorEvents.AuthenticatorRemoved, await EventsAsync(email));
    }

    [Fact]
    public async Task SecondFactorPage_WithoutAPasswordFirst_SendsBackToSignIn()
    {
        using var response = await NewBrowser().GetAsync("/account/sign-in/second-factor", TestContext.Current.CancellationToken);

        Assert.StartsWith("/account/sign-in", response.Location());
        Assert.DoesNotContain("second-factor", response.Location());
    }

    private async Task<List<string>> EventsAsync(string email)
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
        var user = await db.Users.SingleAsync(u => u.Email == email, TestContext.Current.CancellationToken);
        return await db.AuditEntries.Where(e => e.SubjectId == user.Id).OrderBy(e => e.Id).Select(e => e.Event).ToListAsync(TestContext.Current.CancellationToken);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
