using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Identity.Staff;
using OneStop.Office.Cases;
using OneStop.Office.Forms;
using OneStop.Office.Services;

namespace OneStop.Office;

/// <summary>The back office at /office: staff pages for departments and for running the platform.</summary>
public static class OfficeModule
{
    public static IServiceCollection AddOffice(this IServiceCollection services)
    {
        // Every page in this folder needs a staff session on top of its own policy, so a page that
        // forgets its attribute is still closed to the public.
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Office", StaffPolicies.Staff));
        services.AddScoped<EditService>();
        services.AddScoped<Departments.DepartmentEditor>();
        services.AddFormEditor();
        services.AddCaseOffice();
        services.AddWorkflowEditor();
        services.AddFeeEditor();
        return services;
    }

    /// <summary>The back office is Razor Pages only, found by routing; this is the module's seam for its future APIs.</summary>
    public static IEndpointRouteBuilder MapOffice(this IEndpointRouteBuilder endpoints) => endpoints;
}

/// <summary>Audit event names of back-office changes to the catalogue.</summary>
public static class OfficeEvents
{
    public const string ServiceEdited = "catalogue.service-edited";
    public const string CatalogueUploaded = "catalogue.uploaded";
    public const string DepartmentAdded = "catalogue.department-added";
    public const string DepartmentEdited = "catalogue.department-edited";
}
