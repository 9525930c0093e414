using OneStop.Office.Workflows;

// In the back office's own namespace, so OfficeModule wires it with one line.
namespace OneStop.Office;

/// <summary>The back-office workflow editor and holiday calendar (docs/cases/workflows.md): registered by <see cref="OfficeModule"/>.</summary>
public static class WorkflowEditorModule
{
    public static IServiceCollection AddWorkflowEditor(this IServiceCollection services)
    {
        services.AddScoped<WorkflowDrafts>();
        return services;
    }
}
