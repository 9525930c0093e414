namespace OneStop.Documents.Verifying;

/// <summary>Public verification: the /verify pages, the upload check and its API. See docs/documents/verification.md.</summary>
public static class VerificationModule
{
    public static IServiceCollection AddDocumentVerification(this IServiceCollection services)
    {
        services.AddScoped<PdfSignatureCheck>();
        return services;
    }

    public static IEndpointRouteBuilder MapDocumentVerification(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/v1").MapUploadCheckApi();
        return endpoints;
    }
}
