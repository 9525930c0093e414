using OneStop.Tests.Identity.Factors;

namespace OneStop.Tests.Identity;

/// <summary>Steps that many identity tests share: a confirmed account, signed in.</summary>
public static class Accounts
{
    public const string Password = "correct horse battery staple";

    public static string NewEmail() => $"person-{Guid.NewGuid():N}@example.com";

    public static async Task RegisterAsync(this HttpClient client, string email, string password = Password)
    {
        using var response = await client.SubmitAsync("/account/register",
            new Dictionary<string, string> { ["Email"] = email, ["Password"] = password, ["ConfirmPassword"] = password });
        Assert.Equal("/account/check-email", response.Location());
    }

    public static async Task ConfirmAsync(this HttpClient client, OneStopApp app, string email)
    {
        var link = app.LastMailTo(email).Link();
        using var response = await client.SubmitAsync(link, new Dictionary<string, string>());
        Assert.StartsWith("/account/sign-in", response.Location());
    }

    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password = Password, string url = "/account/sign-in") =>
        await client.SubmitAsync(url, new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });

    /// <summary>A new confirmed account, signed in on <paramref name="client"/>.</summary>
    public static async Task<string> SignedInAsync(this HttpClient client, OneStopApp app)
    {
        var email = NewEmail();
        await client.RegisterAsync(email);
        await client.ConfirmAsync(app, email);
        using var response = await client.SignInAsync(email);
        Assert.Equal("/account", response.Location());
        return email;
    }

    /// <summary>
    /// A new confirmed account whose identity is proved (set directly: verification is another slice's pages)
    /// and which has an authenticator app, signed in on <paramref name="client"/> with password and code,
    /// so at the Advanced level.
    /// </summary>
    public static async Task<string> AdvancedAsync(this HttpClient client, OneStopApp app)
    {
        var email = await client.SignedInAsync(app);
        await app.VerifyIdentityAsync(email);
        var (key, _) = await client.EnableAuthenticatorAsync(app);
        await client.SignOutAsync();
        using var response = await client.SignInWithCodeAsync(email, app.NextCode(key));
        Assert.Equal("/account", response.Location());
        Assert.Equal("advanced", await client.LevelAsync());
        return email;
    }
}
