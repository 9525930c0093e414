using Microsoft.AspNetCore.Mvc.RazorPages;
using OneStop.Identity.Staff;
using OneStop.Notifications.Sending;
using OneStop.Notifications.Sms;
using OneStop.Notifications.Templates;
using OneStop.Platform.Outbox;

namespace OneStop.Notifications;

/// <summary>
/// Notifications (docs/notifications.md): templates per event and language, email, SMS and the in-portal
/// inbox, each person's preferences, and delivery status. Other modules see <see cref="Notifier"/>,
/// <see cref="NotificationDeliveries"/> and the <c>_CaseDeliveries</c> partial.
/// </summary>
public static class NotificationsModule
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<NotificationOptions>().Bind(configuration.GetSection(NotificationOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<NotificationProtection>();
        services.AddScoped<Notifier>();
        services.AddScoped<NotificationDeliveries>();
        services.AddScoped<TemplateCatalogue>();
        services.AddScoped<Recipients>();
        services.AddScoped<DeliveryClaims>();
        services.AddScoped<NotificationRenderer>();
        services.AddOutboxHandler<SendNotification>();
        // As for the back office's own folder: a staff session on top of each page's policy, so a page that forgets
        // its attribute stays closed, and staff without a second factor are sent to set one up.
        services.Configure<RazorPagesOptions>(o => o.Conventions.AuthorizeFolder("/Notifications/Office", StaffPolicies.Staff));

        var provider = configuration.GetSection(NotificationOptions.Section).GetValue(nameof(NotificationOptions.SmsProvider), SmsProviderKind.Sandbox);
        if (provider == SmsProviderKind.Twilio) services.AddHttpClient<ISmsProvider, TwilioSms>();
        else services.AddSingleton<ISmsProvider, SandboxSms>();
        return services;
    }
}

/// <summary>Audit event names of this module; <c>audit.*</c> strings word them on the activity page.</summary>
public static class NotificationAuditEvents
{
    public const string TemplateEdited = "notifications.template-edited";
    public const string TemplateReset = "notifications.template-reset";
    public const string PreferencesChanged = "notifications.preferences-changed";
}
