using OneStop.Forms.Answers;
using OneStop.Forms.Background;
using OneStop.Forms.Api;
using OneStop.Forms.Declarations;
using OneStop.Forms.Filling;
using OneStop.Forms.Prefill;
using OneStop.Forms.Store;
using OneStop.Forms.Submitting;
using OneStop.Platform.Outbox;
using OneStop.Platform.References;

namespace OneStop.Forms;

/// <summary>
/// E-forms: versioned definitions (<c>Definitions/</c>), the rules engine (<c>Answers/</c>), storage
/// (<c>Store/</c>) and submission (<c>Submitting/</c>). Other modules see <see cref="SubmitApplication"/>,
/// <see cref="FormStore"/> and the <see cref="ApplicationSubmitted"/> outbox message.
/// </summary>
public static class FormsModule
{
    public static IServiceCollection AddForms(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ParsedDefinitions>();
        services.AddScoped<FormStore>();
        services.AddSingleton<PublishedForms>();
        services.AddSingleton<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor, PublishedFormsChanges>();
        services.AddScoped<FormVersions>();
        services.AddSingleton<AnswerProtection>();
        services.AddScoped<SubmitApplication>();
        services.AddScoped<AmendApplication>();
        services.AddScoped<Outbox>();
        services.AddOptions<ReferenceOptions>().Bind(configuration.GetSection(ReferenceOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReferenceNumbers>();
        services.AddScoped<Import.ImportForms>();
        services.AddOptions<Attachments.AttachmentOptions>().Bind(configuration.GetSection(Attachments.AttachmentOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<Attachments.AttachFile>();
        services.AddScoped<Attachments.DraftFiles>();
        services.AddFormsBackground(configuration);
        services.AddFormFilling(configuration);
        services.AddFormPrefill();
        services.AddFormDeclarations();
        Guests.GuestsModule.AddFormGuests(services, configuration);
        Uploads.UploadsModule.AddFormUploads(services, configuration);
        return services;
    }

    public static IEndpointRouteBuilder MapForms(this IEndpointRouteBuilder endpoints) => endpoints.MapFormsApi();
}
