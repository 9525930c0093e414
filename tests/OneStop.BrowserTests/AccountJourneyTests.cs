using System.Text.RegularExpressions;
using Microsoft.Playwright;
using OneStop.BrowserTests.Infrastructure;
using OneStop.Tests.Infrastructure;

namespace OneStop.BrowserTests;

/// <summary>
/// Creating a OneStop ID and signing in, as a person does it in each language: every page on the way
/// is checked with axe, and the journey is done once without JavaScript.
/// </summary>
public sealed class AccountJourneyTests(Portal portal) : IClassFixture<Portal>
{
    public static TheoryData<string, string, string> Languages => new()
    {
        { "", "Create account", "Sign in" },
        { "/zh-hk", "建立帳戶", "登入" },
        { "/zh-cn", "创建账户", "登录" },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Register_ConfirmAndSignIn_EveryPageIsAccessible(string prefix, string createButton, string signInButton)
    {
        await using var session = await portal.OpenAsync();
        var page = session.Page;
        var email = $"browser-{Guid.NewGuid():N}@example.com";
        const string password = "a long passphrase for the browser";

        await page.GotoAsync(prefix + "/account/register");
        await session.AssertAccessibleAsync();
        // The error summary first: nothing typed.
        await page.GetByRole(AriaRole.Button, new() { Name = createButton }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToBeVisibleAsync();
        await session.AssertAccessibleAsync();

        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(password);
        await page.Locator("#ConfirmPassword").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = createButton }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/account/check-email$"));
        await session.AssertAccessibleAsync();

        await page.GotoAsync(new Uri(portal.Server.LastMailTo(email).Link(), UriKind.Relative).ToString());
        await session.AssertAccessibleAsync();
        await page.Locator("main form button").ClickAsync();
        await page.WaitForURLAsync(new Regex("/account/sign-in\\?confirmed="));
        await session.AssertAccessibleAsync();

        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = signInButton, Exact = true }).ClickAsync();
        await page.WaitForURLAsync(new Regex(Regex.Escape(prefix) + "/account$"));
        Assert.Contains(email, await page.Locator("main").InnerTextAsync());
        await session.AssertAccessibleAsync();

        await page.GotoAsync(prefix + "/account/security");
        await session.AssertAccessibleAsync();
        await page.GotoAsync(prefix + "/account/activity");
        await session.AssertAccessibleAsync();
    }

    [Fact]
    public async Task SignIn_WithoutJavaScript_ShowsErrorsAndSignsIn()
    {
        await using var session = await portal.OpenAsync(javaScript: false);
        var page = session.Page;

        await page.GotoAsync("/zh-hk/account/sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "登入", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".govuk-error-summary")).ToContainTextAsync("請輸入你的電郵地址");
        Assert.StartsWith("錯誤：", await page.TitleAsync());
        await session.AssertAccessibleAsync();

        await page.GotoAsync("/zh-hk/account/forgot-password");
        await session.AssertAccessibleAsync();
    }
}
