using OneStop.Identity.Staff;
using OneStop.Office.Fees;

// In the back office's own namespace, so OfficeModule wires it with one line.
namespace OneStop.Office;

/// <summary>The back-office fee schedule editor (docs/payments/fees.md): registered by <see cref="OfficeModule"/>.</summary>
public static class FeeEditorModule
{
    /// <summary>
    /// Department administrators (their own department's services) and platform administrators (any service), with a
    /// second factor. StaffPolicies.DepartmentAdmin leaves platform administrators out, as they belong to no department.
    /// </summary>
    public const string Policy = "fees:edit";

    public static IServiceCollection AddFeeEditor(this IServiceCollection services)
    {
        services.AddAuthorization(o => o.AddPolicy(Policy, p => p.RequireAuthenticatedUser()
            .AddRequirements(new StaffRequirement(null))
            .RequireAssertion(c => c.User.StaffRole() is StaffRole.DepartmentAdmin or StaffRole.PlatformAdmin)));
        return services.AddScoped<FeeEditor>();
    }
}
