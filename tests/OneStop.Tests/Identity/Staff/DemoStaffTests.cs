using Microsoft.EntityFrameworkCore;
using OneStop.Identity.Staff;
using OneStop.Tests.Identity.Factors;
using OneStop.Tests.Office;

namespace OneStop.Tests.Identity.Staff;

/// <summary>The demo staff of the local run sign in with the password and authenticator keys in docs/identity/staff.md.</summary>
public sealed class DemoStaffTests
{
    [Theory]
    [InlineData("officer.td@staff.onestop.example", "officer", "TD")]
    [InlineData("admin.fehd@staff.onestop.example", "department-admin", "FEHD")]
    [InlineData("platform.admin@staff.onestop.example", "platform-admin", "")]
    public async Task DemoStaff_InDevelopment_SignInWithTheDocumentedPasswordAndKey(string email, string role, string department)
    {
        await using var app = new OneStopApp(Provider.Sqlite) { Environment = "Development" };
        var key = DemoStaff.People.Single(p => p.Email == email).AuthenticatorKey;
        var client = app.NewBrowser();

        using var password = await client.SignInAsync(email, DemoStaff.Password);
        using var signedIn = await client.SubmitAsync(password.Location(), new Dictionary<string, string> { ["Code"] = app.NextCode(key) });
        var (status, office) = await client.GetPageAsync("/office");

        Assert.Equal("/account", signedIn.Location());
        Assert.Equal(200, status);
        Assert.Equal(role, office.QuerySelector("[data-role]")!.GetAttribute("data-role"));
        Assert.Equal(department, office.QuerySelector("[data-department]")!.GetAttribute("data-department") ?? "");
    }

    [Fact]
    public async Task DemoStaff_OutsideDevelopment_AreNotSeeded()
    {
        await using var app = new OneStopApp(Provider.Sqlite);

        var count = await app.QueryAsync(db => db.Set<StaffMember>().CountAsync(TestContext.Current.CancellationToken));

        Assert.Equal(0, count);
    }
}
