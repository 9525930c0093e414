using OneStop.Identity.Staff;
using OneStop.Office.DocumentTemplates;

// In the back office's own namespace, beside the other editors' modules.
namespace OneStop.Office;

/// <summary>The back-office editor of services' document templates (docs/documents/templates.md).</summary>
public static class DocumentTemplateEditorModule
{
    /// <summary>
    /// Department administrators (their own department's services) and platform administrators (any service), with a
    /// second factor. StaffPolicies.DepartmentAdmin leaves platform administrators out, as they belong to no department.
    /// </summary>
    public const string Policy = "documents:templates";

    public static IServiceCollection AddDocumentTemplateEditor(this IServiceCollection services)
    {
        services.AddAuthorization(o => o.AddPolicy(Policy, p => p.RequireAuthenticatedUser()
            .AddRequirements(new StaffRequirement(null))
            .RequireAssertion(c => c.User.StaffRole() is StaffRole.DepartmentAdmin or StaffRole.PlatformAdmin)));
        services.AddScoped<TemplateEditor>();
        services.AddScoped<TemplatePreview>();
        return services;
    }
}
