using OneStop.Documents.Lifecycle;
using OneStop.Office.Documents;
using OneStop.Platform.Jobs;

namespace OneStop.Documents;

/// <summary>Officers' revoke, re-issue and renewal (with their back-office pages) and the expiry reminders. See docs/documents/officers.md.</summary>
public static class LifecycleModule
{
    public static IServiceCollection AddDocumentLifecycle(this IServiceCollection services)
    {
        services.AddOptions<RemindersOptions>().BindConfiguration(RemindersOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<DocumentActions>();
        services.AddScoped<OfficeDocumentSearch>();
        services.AddScoped<OfficeDocumentReader>();
        services.AddRecurringJob<ExpiryReminders>();
        return services;
    }
}
