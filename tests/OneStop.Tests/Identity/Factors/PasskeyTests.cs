using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Identity.Factors;
using OneStop.Platform.Database;

namespace OneStop.Tests.Identity.Factors;

/// <summary>Passkeys made and used by a software authenticator, through the same forms passkeys.js fills in.</summary>
public sealed class PasskeyTests : IAsyncLifetime
{
    private readonly OneStopApp _app = new(Provider.Sqlite, seed: false);

    private HttpClient NewBrowser() => _app.CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public async Task AddPasskey_FromTheDevice_IsListedByItsNameAndTheOwnerIsTold()
    {
        var client = NewBrowser();
        var email = await client.SignedInAsync(_app);
        using var authenticator = new SoftwareAuthenticator();

        using var added = await client.AddPasskeyAsync(authenticator, "My phone");
        var (_, page) = await client.GetPageAsync("/account/security/passkeys");

        Assert.Equal("/account/security/passkeys", added.Location());
        Assert.Equal("My phone", Assert.Single(page.QuerySelectorAll("[data-passkey-name]")).TextContent);
        Assert.Contains("passkey was added", _app.LastMailTo(email).Subject);
        Assert.Contains(FactorEvents.PasskeyAdded, await EventsAsync(email));
    }

    [Fact]
    public async Task AddPasskey_WithoutAName_AsksForOneAndKeepsNothing()
    {
        var client = NewBrowser();
        await client.SignedInAsync(_app);
        using var authenticator = new SoftwareAuthenticator();

        using var response = await client.AddPasskeyAsync(authenticator, " ");
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Enter a name for the passkey", Assert.Single(page.ErrorSummary()));
        Assert.Equal("0", page.QuerySelector("[data-passkey-count]")!.GetAttribute("data-passkey-count"));
    }

    [Fact]
    public async Task AddPasskey_Twice_ListsBothAndEitherCanBeRemoved()
    {
        var client = NewBrowser();
        var email = await client.SignedInAsync(_app);
        using var phone = new SoftwareAuthenticator();
        using var laptop = new SoftwareAuthenticator();
        (await client.AddPasskeyAsync(phone, "Phone")).Dispose();
        (await client.AddPasskeyAsync(laptop, "Laptop")).Dispose();

        using var removed = await client.RemovePasskeyAsync(phone);
        var (_, page) = await client.GetPageAsync("/account/security/passkeys");

        Assert.Equal("Laptop", Assert.Single(page.QuerySelectorAll("[data-passkey-name]")).TextContent);
        Assert.Contains("passkey was removed", _app.LastMailTo(email).Subject);
    }

    [Fact]
    public async Task RenamePasskey_NewName_IsShown()
    {
        var client = NewBrowser();
        await client.SignedInAsync(_app);
        using var authenticator = new SoftwareAuthenticator();
        (await client.AddPasskeyAsync(authenticator, "Phone")).Dispose();

        using var renamed = await client.SubmitAsync("/account/security/passkeys?rename=" + authenticator.Id,
            new Dictionary<string, string> { ["NewName"] = "Old phone" }, "Rename");
        var (_, page) = await client.GetPageAsync("/account/security/passkeys");

        Assert.Equal("Old phone", Assert.Single(page.QuerySelectorAll("[data-passkey-name]")).TextContent);
    }

    [Fact]
    public async Task PasskeySignIn_VerifiedPerson_SignsInWithoutPasswordAtAdvanced()
    {
        var setup = NewBrowser();
        var email = await setup.SignedInAsync(_app);
        await _app.VerifyIdentityAsync(email);
        using var authenticator = new SoftwareAuthenticator();
        (await setup.AddPasskeyAsync(authenticator, "Phone")).Dispose();
        var client = NewBrowser();

        using var response = await client.UsePasskeyAsync("/account/sign-in?returnUrl=%2Faccount%2Factivity", authenticator);
        var location = response.Location();

        Assert.Equal("/account/activity", location);
        Assert.Equal("advanced", await client.LevelAsync());
    }

    [Fact]
    public async Task PasskeySignIn_ForgedSignature_IsRefused()
    {
        var setup = NewBrowser();
        await setup.SignedInAsync(_app);
        using var authenticator = new SoftwareAuthenticator();
        (await setup.AddPasskeyAsync(authenticator, "Phone")).Dispose();
        var client = NewBrowser();

        using var response = await client.UsePasskeyAsync("/account/sign-in/passkey", authenticator, signature => signature[^1] ^= 0xFF);
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("not accepted", Assert.Single(page.ErrorSummary()));
        Assert.Contains("/account/sign-in", (await client.GetAsync("/account", TestContext.Current.CancellationToken)).Location());
    }

    [Fact]
    public async Task PasskeySignIn_RemovedPasskey_IsRefused()
    {
        var setup = NewBrowser();
        await setup.SignedInAsync(_app);
        using var authenticator = new SoftwareAuthenticator();
        (await setup.AddPasskeyAsync(authenticator, "Phone")).Dispose();
        (await setup.RemovePasskeyAsync(authenticator)).Dispose();

        using var response = await NewBrowser().UsePasskeyAsync("/account/sign-in/passkey", authenticator);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("not accepted", Assert.Single((await response.ReadPageAsync()).ErrorSummary()));
    }

    [Fact]
    public async Task SecondFactor_PasskeyInsteadOfCode_SignsIn()
    {
        var client = NewBrowser();
        var email = await client.SignedInAsync(_app);
        await client.EnableAuthenticatorAsync(_app);
        using var authenticator = new SoftwareAuthenticator();
        (await client.AddPasskeyAsync(authenticator, "Phone")).Dispose();
        await client.SignOutAsync();
        using var password = await client.SignInAsync(email);

        using var response = await client.UsePasskeyAsync(password.Location(), authenticator);

        Assert.Equal("/account", response.Location());
        Assert.Contains("passkey", await EventsAsync(email, FactorEvents.SecondFactorPassed));
    }

    [Fact]
    public async Task PasskeyPages_WithoutJavaScript_SayWhyAndHideTheForm()
    {
        var client = NewBrowser();
        await client.SignedInAsync(_app);

        var (_, page) = await client.GetPageAsync("/account/security/passkeys");

        Assert.Contains("need JavaScript", page.QuerySelector("[data-passkey-unavailable]")!.TextContent);
        Assert.True(page.QuerySelector("form[data-passkey-create]")!.HasAttribute("hidden"));
        Assert.NotNull(page.QuerySelector("script[src='/assets/passkeys.js']"));
    }

    private async Task<List<string>> EventsAsync(string email, string? only = null)
    {
        using var scope = _app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
        var user = await db.Users.SingleAsync(u => u.Email == email, TestContext.Current.CancellationToken);
        return await db.AuditEntries.Where(e => e.SubjectId == user.Id && (only == null || e.Event == only)).OrderBy(e => e.Id)
            .Select(e => only == null ? e.Event : e.Detail ?? "").ToListAsync(TestContext.Current.CancellationToken);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
