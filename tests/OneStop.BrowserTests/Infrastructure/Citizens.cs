using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using OneStop.Identity;
using OneStop.Identity.Profile;
using OneStop.Identity.Profile.Registry;
using OtpNet;

namespace OneStop.BrowserTests.Infrastructure;

/// <summary>A person with a OneStop ID, as a test knows them: what they would type and what their phone app holds.</summary>
public sealed record Citizen(Guid Id, string Email, string Password, string? AuthenticatorKey = null, IReadOnlyList<string>? RecoveryCodes = null);

/// <summary>
/// People for the OneStop ID journeys. They are made in Arrange through the app's own services (registering
/// through the pages is AccountJourneyTests' subject), each test its own, so no test depends on another's data.
/// </summary>
public static class Citizens
{
    public const string Password = "a long passphrase for the browser";

    /// <summary>A fictional resident of the sandbox population registry (docs/identity/profile.md).</summary>
    public static SandboxResident Resident(string englishName) =>
        SandboxPopulationRegistry.Residents.Single(r => r.NameEnglish == englishName);

    /// <summary>
    /// A confirmed account; optionally with profile details, proved as <paramref name="provedAs"/> through the
    /// registry check, and with an authenticator app set up (its key returned, as if typed into a phone).
    /// </summary>
    public static async Task<Citizen> CreateAsync(this OneStopServer server, SandboxResident? provedAs = null, bool authenticator = false,
        Action<PersonalDetails>? profile = null)
    {
        using var scope = server.Services.CreateScope();
        var sp = scope.ServiceProvider;
        var users = sp.GetRequiredService<UserManager<OneStopUser>>();
        var email = $"citizen-{Guid.NewGuid():N}@example.com";
        var user = new OneStopUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = server.Clock.GetUtcNow() };
        Check(await users.CreateAsync(user, Password));
        if (profile is not null)
        {
            var profiles = sp.GetRequiredService<ProfileStore>();
            var details = await profiles.LoadAsync(user.Id);
            profile(details);
            await profiles.StageAsync(user.Id, details);
            await sp.GetRequiredService<OneStop.Platform.Database.OneStopDb>().SaveChangesAsync();
        }
        if (provedAs is not null)
        {
            var outcome = await sp.GetRequiredService<IdentityVerification>()
                .VerifyWithRegistryAsync(user, new RegistryQuery(provedAs.Card, provedAs.NameEnglish, provedAs.DateOfBirth));
            Assert.Equal(VerificationOutcome.Verified, outcome);
        }
        string? key = null;
        IReadOnlyList<string>? recoveryCodes = null;
        if (authenticator)
        {
            key = users.GenerateNewAuthenticatorKey();
            var store = (IUserAuthenticatorKeyStore<OneStopUser>)sp.GetRequiredService<IUserStore<OneStopUser>>();
            await store.SetAuthenticatorKeyAsync(user, key, default);
            Check(await users.SetTwoFactorEnabledAsync(user, true));
            recoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.ToList();
        }
        Check(await users.UpdateAsync(user));
        return new Citizen(user.Id, email, Password, key, recoveryCodes);
    }

    /// <summary>The code the person's authenticator app shows now, by the app's (fake) clock.</summary>
    public static string CodeNow(this OneStopServer server, string key) =>
        new Totp(Base32Encoding.ToBytes(key.Replace(" ", ""))).ComputeTotp(server.Clock.GetUtcNow().UtcDateTime);

    /// <summary>The app's next code: each code is taken once, so a second use waits for the next 30 seconds.</summary>
    public static string NextCode(this OneStopServer server, string key)
    {
        server.Clock.Advance(TimeSpan.FromSeconds(30));
        return server.CodeNow(key);
    }

    /// <summary>Email and password on the sign-in page of <paramref name="edition"/>; waits until the page has changed.</summary>
    public static async Task SignInAsync(this IPage page, Edition edition, Citizen citizen, string? returnUrl = null)
    {
        await page.GotoAsync(edition.Path("/account/sign-in") + (returnUrl is null ? "" : "?returnUrl=" + Uri.EscapeDataString(returnUrl)));
        await page.Locator("#Email").FillAsync(citizen.Email);
        await page.Locator("#Password").FillAsync(citizen.Password);
        await page.Locator("form:has(#Password) button[type=submit]").ClickAsync();
        await page.WaitForURLAsync(url => !new Uri(url).AbsolutePath.EndsWith("/account/sign-in", StringComparison.Ordinal));
    }

    /// <summary>Signs out with the button on the account page.</summary>
    public static async Task SignOutAsync(this IPage page, Edition edition)
    {
        await page.GotoAsync(edition.Path("/account"));
        await page.Locator("main form[action$='/account/sign-out'] button").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath != edition.Path("/account"));
    }

    /// <summary>A code of the right form that the app is not showing now.</summary>
    public static string WrongCode(string code) => code[..5] + (char)('0' + (code[5] - '0' + 5) % 10);

    /// <summary>The session's level of assurance as the account page states it (none, basic, verified, advanced).</summary>
    public static async Task<string> LevelAsync(this IPage page, Edition edition)
    {
        await page.GotoAsync(edition.Path("/account"));
        return await page.Locator("[data-assurance]").GetAttributeAsync("data-assurance") ?? "";
    }

    /// <summary>Presses the page's main form button (the first submit button inside main).</summary>
    public static Task SubmitAsync(this IPage page, string form = "main form") =>
        page.Locator(form + " button[type=submit]").First.ClickAsync();

    public static async Task AssertErrorSummaryAsync(this IPage page, string? contains = null)
    {
        var summary = page.Locator(".govuk-error-summary");
        await Assertions.Expect(summary).ToBeVisibleAsync();
        if (contains is not null) await Assertions.Expect(summary).ToContainTextAsync(contains);
        Assert.StartsWith(ErrorPrefix(await page.Locator("html").GetAttributeAsync("lang")), await page.TitleAsync());
    }

    /// <summary>T["errors.titlePrefix"] in each language.</summary>
    public static string ErrorPrefix(string? lang) => lang switch
    {
        "zh-HK" => "錯誤：",
        "zh-CN" => "错误：",
        _ => "Error: ",
    };

    /// <summary>The path of the page after the language prefix, e.g. "/account" for /zh-hk/account?x=1.</summary>
    public static string PathIn(this IPage page, Edition edition)
    {
        var path = new Uri(page.Url).AbsolutePath;
        var prefix = edition.Home.TrimEnd('/');
        Assert.True(path.StartsWith(prefix + "/", StringComparison.Ordinal), $"{page.Url} has left the {edition} edition ({edition.Home})");
        return path[prefix.Length..];
    }

    public static Regex EndsWith(string path) => new(Regex.Escape(path) + "([?#].*)?$");

    private static void Check(IdentityResult result) =>
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Select(e => e.Description)));
}
