using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace OneStop.Identity.Staff;

/// <summary>
/// Policies for staff pages: <c>[Authorize(Policy = StaffPolicies.DepartmentAdmin)]</c>. Each needs a
/// staff role that includes the named one (see <see cref="StaffRoles.Includes"/>) and a session that
/// used a second factor. A member of staff who signed in without one is sent to set one up instead of
/// being refused.
/// </summary>
public static class StaffPolicies
{
    public const string Staff = "staff";
    public const string Officer = "staff:officer";
    public const string Supervisor = "staff:supervisor";
    public const string DepartmentAdmin = "staff:department-admin";
    public const string PlatformAdmin = "staff:platform-admin";

    /// <summary>Where a member of staff without a second factor in this session is sent.</summary>
    public const string SecondFactorPath = "/account/security?needed=staff-second-factor";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Staff, p => p.RequireAuthenticatedUser().AddRequirements(new StaffRequirement(null)));
        foreach (var role in StaffRoles.All)
            options.AddPolicy("staff:" + role.Name(), p => p.RequireAuthenticatedUser().AddRequirements(new StaffRequirement(role)));
    }

    internal const string NeedsSecondFactorItem = "onestop:staff-needs-second-factor";

    /// <summary>
    /// A refusal that is only about the missing second factor becomes a redirect to set one up; any other
    /// refusal goes on to the usual access-denied page.
    /// </summary>
    internal static Func<RedirectContext<CookieAuthenticationOptions>, Task> RedirectToSecondFactor(Func<RedirectContext<CookieAuthenticationOptions>, Task> inner) =>
        context =>
        {
            if (!context.HttpContext.Items.ContainsKey(NeedsSecondFactorItem)) return inner(context);
            context.Response.Redirect(context.Request.PathBase + SecondFactorPath);
            return Task.CompletedTask;
        };
}

/// <summary>A staff role at least <see cref="Minimum"/> (any staff role when null) and a second factor in this session.</summary>
public sealed record StaffRequirement(StaffRole? Minimum) : IAuthorizationRequirement;

internal sealed class StaffRequirementHandler(IHttpContextAccessor http) : AuthorizationHandler<StaffRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, StaffRequirement requirement)
    {
        var user = context.User;
        if (user.StaffRole() is not { } role) return Task.CompletedTask;
        if (requirement.Minimum is { } minimum && !role.Includes(minimum)) return Task.CompletedTask;
        // A departmental role without its department would see nothing and could do harm nowhere; refuse it plainly.
        if (role.HasDepartment() && user.StaffDepartment() is null) return Task.CompletedTask;
        if (!user.UsedSecondFactor())
        {
            if (http.HttpContext is { } httpContext) httpContext.Items[StaffPolicies.NeedsSecondFactorItem] = true;
            return Task.CompletedTask;
        }
        context.Succeed(requirement);
        return Task.CompletedTask;
    }
}
