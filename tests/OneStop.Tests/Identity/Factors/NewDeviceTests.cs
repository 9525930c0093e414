namespace OneStop.Tests.Identity.Factors;

/// <summary>Signing in from a browser the account has not used before tells its owner, once per browser.</summary>
public sealed class NewDeviceTests : IAsyncLifetime
{
    private readonly OneStopApp _app = new(Provider.Sqlite, seed: false);

    private HttpClient NewBrowser() => _app.CreateClient(new() { AllowAutoRedirect = false });

    [Fact]
    public async Task SignIn_FromNewBrowsers_EmailsOncePerBrowserButNotForTheFirst()
    {
        var first = NewBrowser();
        var email = await first.SignedInAsync(_app);
        var afterFirst = NewDeviceMails(email);
        var second = NewBrowser();

        (await second.SignInAsync(email)).Dispose();
        await second.SignOutAsync();
        (await second.SignInAsync(email)).Dispose();
        var afterSecond = NewDeviceMails(email);
        (await NewBrowser().SignInAsync(email)).Dispose();

        Assert.Equal(0, afterFirst);
        Assert.Equal(1, afterSecond);
        Assert.Equal(2, NewDeviceMails(email));
    }

    [Fact]
    public async Task SignIn_NewBrowserWithPasskey_AlsoEmails()
    {
        var first = NewBrowser();
        var email = await first.SignedInAsync(_app);
        using var authenticator = new SoftwareAuthenticator();
        (await first.AddPasskeyAsync(authenticator, "Phone")).Dispose();

        (await NewBrowser().UsePasskeyAsync("/account/sign-in/passkey", authenticator)).Dispose();

        Assert.Equal(1, NewDeviceMails(email));
        Assert.Contains("/account/security", _app.LastMailTo(email).Link());
    }

    private int NewDeviceMails(string email) => _app.To(email).Count(m => m.Subject == "New sign-in to your OneStop ID");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
