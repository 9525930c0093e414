using System.Net;

namespace OneStop.Tests.Identity;

public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly OneStopApp _app = new(Provider.Sqlite, seed: false) { AttemptsPerMinute = 3 };

    [Fact]
    public async Task SignIn_MorePostsThanAllowedInAMinute_Answers429InTheUsersLanguage()
    {
        var client = _app.CreateClient(new() { AllowAutoRedirect = false });
        for (var i = 0; i < 3; i++) (await client.SignInAsync("someone@example.com", "not the password at all", "/zh-hk/account/sign-in")).Dispose();

        using var response = await client.SignInAsync("someone@example.com", "not the password at all", "/zh-hk/account/sign-in");
        var page = await response.ReadPageAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("嘗試次數過多", page.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task SignInPage_Reading_IsNeverLimited()
    {
        var client = _app.CreateClient();
        for (var i = 0; i < 10; i++) Assert.Equal(200, (await client.GetTextAsync("/account/sign-in")).Status);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
