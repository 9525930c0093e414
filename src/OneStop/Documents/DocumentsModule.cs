using OneStop.Documents.Issuing;
using OneStop.Documents.Signing;
using OneStop.Documents.Templates;
using OneStop.Documents.Verifying;
using OneStop.Documents.Wallet;
using OneStop.Office;
using OneStop.Platform.Outbox;

namespace OneStop.Documents;

/// <summary>
/// Documents: what a decision issues (a signed PDF with a QR code to its verification page), public
/// verification, the holder's wallet and share links, and collection by post or at a counter by appointment.
/// See docs/documents/.
/// </summary>
public static class DocumentsModule
{
    public static IServiceCollection AddDocuments(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DocumentsOptions>().Bind(configuration.GetSection(DocumentsOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<DepartmentKeys>();
        services.AddScoped<DocumentText>();
        services.AddScoped<DocumentTemplates>();
        services.AddScoped<DocumentIssuing>();
        services.AddScoped<DocumentStatus>();
        services.AddScoped<OneStop.Cases.Applicants.IApplicantDocuments, ApplicantDocuments>();
        services.AddOutboxHandler<IssueOnApproval>();
        services.AddDocumentLifecycle();
        services.AddDocumentWallet();
        services.AddDocumentTemplateEditor();
        services.AddCounterDesk();
        services.AddDocumentPickup();
        services.AddDocumentVerification();
        return services;
    }

    public static IEndpointRouteBuilder MapDocuments(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1").MapVerifyApi();
        endpoints.MapDocumentVerification();
        return endpoints;
    }
}
