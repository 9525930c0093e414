using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Database;

namespace OneStop.Identity.Staff;

/// <summary>
/// The staff role and department on the session cookie. Added by the claims factory at sign-in and
/// rebuilt with the rest of the claims at every security-stamp check (Identity:SessionCheckInterval),
/// so a change of role reaches open sessions within that interval.
/// </summary>
public static class StaffClaims
{
    public const string Role = "onestop:staff-role";
    public const string Department = "onestop:department";

    public static async Task<IReadOnlyList<Claim>> ForUserAsync(OneStopDb db, Guid userId, CancellationToken cancellationToken = default)
    {
        var member = await db.Set<StaffMember>().AsNoTracking().FirstOrDefaultAsync(s => s.UserId == userId, cancellationToken);
        if (member is null) return [];
        var claims = new List<Claim> { new(Role, member.Role.Name()) };
        if (member.DepartmentCode is not null) claims.Add(new Claim(Department, member.DepartmentCode));
        return claims;
    }

    /// <summary>The caller's staff role, or null for the public.</summary>
    public static StaffRole? StaffRole(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true ? StaffRoles.Parse(user.FindFirstValue(Role)) : null;

    /// <summary>The caller's department code; null for platform administrators and the public.</summary>
    public static string? StaffDepartment(this ClaimsPrincipal user) =>
        user.StaffRole() is { } role && role.HasDepartment() ? user.FindFirstValue(Department) : null;

    /// <summary>This session used a second factor (any of <see cref="Assurance.StrongMethods"/>).</summary>
    public static bool UsedSecondFactor(this ClaimsPrincipal user) =>
        user.FindAll("amr").Any(c => Assurance.StrongMethods.Contains(c.Value));
}
