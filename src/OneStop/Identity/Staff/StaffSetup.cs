using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace OneStop.Identity.Staff;

/// <summary>Staff roles, their policies and their shorter sessions. Called from AddOneStopIdentity.</summary>
public static class StaffSetup
{
    public static IServiceCollection AddStaff(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StaffOptions>().Bind(configuration.GetSection(IdentityModuleOptions.Section))
            .ValidateDataAnnotations().ValidateOnStart();
        services.AddHttpContextAccessor();
        services.AddAuthorization(StaffPolicies.Add);
        services.AddSingleton<IAuthorizationHandler, StaffRequirementHandler>();
        services.AddScoped<StaffDirectory>();
        services.AddScoped<StaffMail>();
        // After Identity's own configuration, so that its security-stamp check and redirects are kept and wrapped.
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme).PostConfigure(o =>
        {
            o.Events.OnValidatePrincipal = StaffSessions.EndIdleStaffSessions(o.Events.OnValidatePrincipal);
            o.Events.OnRedirectToAccessDenied = StaffPolicies.RedirectToSecondFactor(o.Events.OnRedirectToAccessDenied);
        });
        return services;
    }
}
