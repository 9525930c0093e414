using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using OneStop.Platform.Options;

namespace OneStop.Identity.Staff;

/// <summary>The staff settings of section <c>Identity</c>. See docs/configuration.md.</summary>
public sealed class StaffOptions
{
    /// <summary>A member of staff's session ends after this long without a request; citizens keep Identity:SessionIdleTimeout.</summary>
    [TimeRange("00:01:00", "08:00:00")] public TimeSpan StaffIdleTimeout { get; set; } = TimeSpan.FromMinutes(15);
}

/// <summary>
/// Ends a staff session after <see cref="StaffOptions.StaffIdleTimeout"/> without a request. The cookie
/// carries the time of the last request in its properties and is renewed on every staff request, so
/// the time out holds on every node without server-side state.
/// </summary>
internal static class StaffSessions
{
    public const string LastSeenItem = ".onestop-staff-seen";

    public static Func<CookieValidatePrincipalContext, Task> EndIdleStaffSessions(Func<CookieValidatePrincipalContext, Task> inner) =>
        async context =>
        {
            if (context.Principal?.StaffRole() is null)
            {
                await inner(context);
                return;
            }
            var services = context.HttpContext.RequestServices;
            var timeout = services.GetRequiredService<IOptions<StaffOptions>>().Value.StaffIdleTimeout;
            var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
            var lastSeen = LastSeen(context.Properties) ?? context.Properties.IssuedUtc ?? now;
            if (now - lastSeen > timeout)
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                return;
            }
            context.Properties.Items[LastSeenItem] = now.ToString("O", CultureInfo.InvariantCulture);
            context.ShouldRenew = true;
            await inner(context);
        };

    private static DateTimeOffset? LastSeen(AuthenticationProperties properties) =>
        properties.Items.TryGetValue(LastSeenItem, out var value) &&
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var seen) ? seen : null;
}
