using Microsoft.AspNetCore.Hosting;
using OneStop.Identity.Staff;

namespace OneStop.Tests.Identity.Staff;

/// <summary>Staff sessions end after Identity:StaffIdleTimeout without a request; citizens keep their longer sliding session.</summary>
public sealed class StaffSessionTests : IAsyncLifetime
{
    private readonly OneStopApp _app = new(Provider.Sqlite);

    private HttpClient NewBrowser() => _app.CreateClient(new() { AllowAutoRedirect = false });

    private async Task<HttpClient> SignedInAsync(string email)
    {
        var client = NewBrowser();
        using var response = await client.SignInAsync(email);
        Assert.Equal("/account", response.Location());
        return client;
    }

    private static async Task<int> StatusOfAccountPageAsync(HttpClient client) => (await client.GetTextAsync("/account")).Status;

    [Fact]
    public async Task StaffSession_IdleLongerThanTheTimeout_IsSignedOut()
    {
        var client = await SignedInAsync(await _app.NewStaffAsync(StaffRole.Officer, "TD", secondFactor: false));
        Assert.Equal(200, await StatusOfAccountPageAsync(client));

        _app.Clock.Advance(TimeSpan.FromMinutes(16));
        using var response = await client.GetAsync("/account", TestContext.Current.CancellationToken);

        Assert.StartsWith("/account/sign-in", StaffPeople.PathOf(response.Location()));
    }

    [Fact]
    public async Task StaffSession_ARequestEveryTenMinutes_StaysSignedIn()
    {
        var client = await SignedInAsync(await _app.NewStaffAsync(StaffRole.DepartmentAdmin, "FEHD", secondFactor: false));

        for (var i = 0; i < 4; i++)
        {
            _app.Clock.Advance(TimeSpan.FromMinutes(10));
            Assert.Equal(200, await StatusOfAccountPageAsync(client));
        }
    }

    [Fact]
    public async Task CitizenSession_IdleLongerThanTheStaffTimeout_StaysSignedIn()
    {
        var client = await SignedInAsync(await _app.NewAccountAsync());

        _app.Clock.Advance(TimeSpan.FromMinutes(30));

        Assert.Equal(200, await StatusOfAccountPageAsync(client));
    }

    [Fact]
    public async Task StaffSession_ConfiguredTimeout_IsUsed()
    {
        var email = await _app.NewStaffAsync(StaffRole.Officer, "TD", secondFactor: false);
        await using var configured = _app.WithWebHostBuilder(b => b.UseSetting("Identity:StaffIdleTimeout", "00:05:00"));
        var client = configured.CreateClient(new() { AllowAutoRedirect = false });
        using (var signIn = await client.SignInAsync(email)) Assert.Equal("/account", signIn.Location());

        _app.Clock.Advance(TimeSpan.FromMinutes(6));
        using var response = await client.GetAsync("/account", TestContext.Current.CancellationToken);

        Assert.StartsWith("/account/sign-in", StaffPeople.PathOf(response.Location()));
    }

    [Fact]
    public async Task BackOffice_StaffWithoutASecondFactor_IsSentToSetOneUp()
    {
        var client = await SignedInAsync(await _app.NewStaffAsync(StaffRole.DepartmentAdmin, "TD", secondFactor: false));

        using var response = await client.GetAsync("/zh-hk/office/services", TestContext.Current.CancellationToken);
        var (status, page) = await client.GetPageAsync(response.Location());

        Assert.Equal("/zh-hk/account/security?needed=staff-second-factor", response.Location());
        Assert.Equal(200, status);
        Assert.Contains("後台要求今次登入使用第二重認證", page.QuerySelector("[data-needed=staff-second-factor]")!.TextContent);
    }

    [Fact]
    public async Task AccountPage_Staff_LinksToTheBackOffice()
    {
        var staff = await SignedInAsync(await _app.NewStaffAsync(StaffRole.Officer, "TD", secondFactor: false));
        var citizen = await SignedInAsync(await _app.NewAccountAsync());

        var (_, staffPage) = await staff.GetPageAsync("/account");
        var (_, citizenPage) = await citizen.GetPageAsync("/account");

        Assert.NotNull(staffPage.QuerySelector("main a[href='/office']"));
        Assert.Null(citizenPage.QuerySelector("main a[href='/office']"));
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;
    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
