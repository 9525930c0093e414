using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Identity;
using OneStop.Identity.Staff;

namespace OneStop.Tests.Identity.Staff;

/// <summary>Arranges staff for tests: a confirmed account with the test password, on the staff, with TOTP on or off.</summary>
public static class StaffPeople
{
    public static async Task<string> NewAccountAsync(this OneStopApp app, bool secondFactor = false)
    {
        var email = Accounts.NewEmail();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OneStopUser>>();
        var user = new OneStopUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = app.Clock.GetUtcNow() };
        Assert.True((await users.CreateAsync(user, Accounts.Password)).Succeeded);
        if (secondFactor)
        {
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
        }
        return email;
    }

    public static async Task<string> NewStaffAsync(this OneStopApp app, StaffRole role, string? department, bool secondFactor = true)
    {
        var email = await app.NewAccountAsync(secondFactor);
        await using var scope = app.Services.CreateAsyncScope();
        var added = await scope.ServiceProvider.GetRequiredService<StaffDirectory>().AddAsync(email, role, department, actorId: null);
        Assert.True(added.Succeeded, added.Error.ToString());
        return email;
    }

    /// <summary>A redirect's path and query, whether the Location is absolute (a challenge) or relative.</summary>
    public static string PathOf(string location) =>
        // Not Uri.TryCreate(Absolute) alone: on Linux "/path?query" parses as a file URI.
        location.StartsWith("http", StringComparison.Ordinal) ? new Uri(location).PathAndQuery : location;

    /// <summary>The authenticator key of the account, to compute codes with as an app on a phone would.</summary>
    public static async Task<string> AuthenticatorKeyAsync(this OneStopApp app, string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<OneStopUser>>();
        return (await users.GetAuthenticatorKeyAsync((await users.FindByEmailAsync(email))!))!;
    }
}
