using AngleSharp.Dom;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Identity;
using OtpNet;

namespace OneStop.Tests.Identity.Factors;

/// <summary>Steps the factor tests share: codes from the app's clock, a verified person, TOTP and passkeys set up through the pages.</summary>
public static class FactorSteps
{
    /// <summary>The code an authenticator app shows now, by the app's (fake) clock.</summary>
    public static string CodeNow(this OneStopApp app, string key) =>
        new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(app.Clock.GetUtcNow().UtcDateTime);

    /// <summary>Waits for the app to show its next code: a used code is not taken again.</summary>
    public static string NextCode(this OneStopApp app, string key)
    {
        app.Clock.Advance(TimeSpan.FromSeconds(30));
        return app.CodeNow(key);
    }

    /// <summary>
    /// Marks the person's identity as proved, as the verification pages (another slice) would, and moves the
    /// clock on so that the next request rebuilds the session from the database.
    /// </summary>
    public static async Task VerifyIdentityAsync(this OneStopApp app, string email)
    {
        using var scope = app.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OneStopUser>>();
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException("No account " + email);
        user.IdentityVerifiedAt = app.Clock.GetUtcNow();
        user.IdentityVerifiedBy = "counter";
        Assert.True((await users.UpdateAsync(user)).Succeeded);
        app.Clock.Advance(TimeSpan.FromSeconds(1));
    }

    public static async Task<string> LevelAsync(this HttpClient client)
    {
        var (status, page) = await client.GetPageAsync("/account");
        Assert.Equal(200, status);
        return page.QuerySelector("[data-assurance]")!.GetAttribute("data-assurance")!;
    }

    /// <summary>Turns on the authenticator app for the signed-in person; returns the key and the recovery codes shown.</summary>
    public static async Task<(string Key, string[] RecoveryCodes)> EnableAuthenticatorAsync(this HttpClient client, OneStopApp app)
    {
        var (_, setup) = await client.GetPageAsync("/account/security/authenticator");
        var key = setup.QuerySelector("#authenticator-key")!.TextContent.Replace(" ", "");
        using var enabled = await client.SubmitAsync(setup, "/account/security/authenticator", new Dictionary<string, string> { ["Code"] = app.CodeNow(key) }, "Enable");
        Assert.StartsWith("/account/security/recovery-codes", enabled.Location());
        var (_, codes) = await client.GetPageAsync(enabled.Location());
        return (key, codes.QuerySelectorAll("#recovery-codes code").Select(c => c.TextContent).ToArray());
    }

    /// <summary>Password, then the second-factor page with <paramref name="code"/>; returns the last response.</summary>
    public static async Task<HttpResponseMessage> SignInWithCodeAsync(this HttpClient client, string email, string code, string url = "/account/sign-in")
    {
        using var password = await client.SignInAsync(email, url: url);
        Assert.StartsWith("/account/sign-in/second-factor", password.Location());
        return await client.SubmitAsync(password.Location(), new Dictionary<string, string> { ["Code"] = code });
    }

    public static async Task SignOutAsync(this HttpClient client)
    {
        var (_, account) = await client.GetPageAsync("/account");
        using var response = await client.SubmitAsync(account, "/account", new Dictionary<string, string>());
    }

    /// <summary>Adds a passkey made by <paramref name="authenticator"/> on the passkeys page.</summary>
    public static async Task<HttpResponseMessage> AddPasskeyAsync(this HttpClient client, SoftwareAuthenticator authenticator, string name, string page = "/account/security/passkeys")
    {
        var (_, passkeys) = await client.GetPageAsync(page);
        var form = passkeys.QuerySelector("form[data-passkey-create]")!;
        return await client.SubmitAsync(passkeys, page, new Dictionary<string, string>
        {
            ["Name"] = name,
            ["Credential"] = authenticator.Create(Options(form)),
        }, "Add");
    }

    /// <summary>Follows Remove beside the passkey made by <paramref name="authenticator"/> and confirms with the password.</summary>
    public static Task<HttpResponseMessage> RemovePasskeyAsync(this HttpClient client, SoftwareAuthenticator authenticator, string password = Accounts.Password) =>
        client.SubmitAsync($"/account/security/passkeys?remove={authenticator.Id}", new Dictionary<string, string> { ["ConfirmPassword"] = password }, "Remove");

    /// <summary>The WebAuthn options a passkey form carries for passkeys.js.</summary>
    public static string Options(IElement form) => form.GetAttribute("data-options")!;

    /// <summary>Answers the page's passkey request (form[data-passkey-get]) with <paramref name="authenticator"/>.</summary>
    public static async Task<HttpResponseMessage> UsePasskeyAsync(this HttpClient client, string pageUrl, SoftwareAuthenticator authenticator, Action<byte[]>? tamper = null)
    {
        var (status, page) = await client.GetPageAsync(pageUrl);
        Assert.Equal(200, status);
        var form = page.QuerySelector("form[data-passkey-get]")!;
        var values = form.QuerySelectorAll("input[type=hidden]")
            .Select(i => new KeyValuePair<string, string>(i.GetAttribute("name")!, i.GetAttribute("value") ?? ""))
            .Where(v => v.Key != "Credential")
            .Append(new("Credential", authenticator.Get(Options(form), tamper)));
        return await client.PostAsync(System.Net.WebUtility.HtmlDecode(form.GetAttribute("action")!), new FormUrlEncodedContent(values), TestContext.Current.CancellationToken);
    }
}
