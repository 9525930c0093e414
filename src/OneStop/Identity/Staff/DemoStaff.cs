using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Catalogue.Demo;
using OneStop.Platform.Database;

namespace OneStop.Identity.Staff;

/// <summary>
/// Demo staff in two departments and one platform administrator, each with a development password and
/// an authenticator (TOTP) key that is written down in docs/identity/staff.md. Only in Development, and
/// only with Demo:Seed: these secrets are public.
/// </summary>
public static class DemoStaff
{
    /// <summary>The password of every demo member of staff.</summary>
    public const string Password = "harbour lantern ferry tram";

    public static readonly IReadOnlyList<(string Email, StaffRole Role, string? Department, string AuthenticatorKey)> People =
    [
        ("officer.td@staff.onestop.example", StaffRole.Officer, "TD", "ONESTOPDEMOTDOFFICERQQQQQQQQQQQQ"),
        ("supervisor.td@staff.onestop.example", StaffRole.Supervisor, "TD", "ONESTOPDEMOTDSUPERVISORQQQQQQQQQ"),
        ("admin.td@staff.onestop.example", StaffRole.DepartmentAdmin, "TD", "ONESTOPDEMOTDADMINQQQQQQQQQQQQQQ"),
        ("officer.fehd@staff.onestop.example", StaffRole.Officer, "FEHD", "ONESTOPDEMOFEHDOFFICERQQQQQQQQQQ"),
        ("admin.fehd@staff.onestop.example", StaffRole.DepartmentAdmin, "FEHD", "ONESTOPDEMOFEHDADMINQQQQQQQQQQQQ"),
        ("platform.admin@staff.onestop.example", StaffRole.PlatformAdmin, null, "ONESTOPDEMOPLATFORMADMINQQQQQQQQ"),
    ];

    public static async Task SeedIfEmptyAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        if (!services.GetRequiredService<IHostEnvironment>().IsDevelopment()) return;
        if (!services.GetRequiredService<IOptions<DemoOptions>>().Value.Seed) return;
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
        if (await db.Set<StaffMember>().AnyAsync(cancellationToken)) return;

        var users = scope.ServiceProvider.GetRequiredService<UserManager<OneStopUser>>();
        var keys = (IUserAuthenticatorKeyStore<OneStopUser>)scope.ServiceProvider.GetRequiredService<IUserStore<OneStopUser>>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var (email, role, department, key) in People)
        {
            var user = await users.FindByEmailAsync(email);
            if (user is null)
            {
                user = new OneStopUser { UserName = email, Email = email, EmailConfirmed = true, CreatedAt = now };
                Check(await users.CreateAsync(user, Password), email);
            }
            await keys.SetAuthenticatorKeyAsync(user, key, cancellationToken);
            Check(await users.UpdateAsync(user), email);
            Check(await users.SetTwoFactorEnabledAsync(user, true), email);
            db.Set<StaffMember>().Add(new StaffMember { UserId = user.Id, Role = role, DepartmentCode = department, AddedAt = now, UpdatedAt = now });
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Check(IdentityResult result, string email)
    {
        if (!result.Succeeded) throw new InvalidOperationException($"Could not seed demo staff {email}: {string.Join(", ", result.Errors.Select(e => e.Code))}");
    }
}
