using System.ComponentModel;
using Microsoft.AspNetCore.Http.HttpResults;
using OneStop.Platform.Localisation;

namespace OneStop.Documents.Verifying;

/// <summary>
/// What the verification API answers for a document: no more than the document prints. <c>state</c> is one of
/// valid, expired, revoked, superseded; <c>supersededBy</c> is the newer version's verification code.
/// </summary>
public sealed record VerificationResult(
    string Code, bool Authentic, string State, string Number, int Version, string Type, string Title,
    string Department, string DepartmentName, string Holder, DateTime IssuedAt, DateOnly ValidFrom, DateOnly? ValidUntil,
    DateTime? RevokedAt, string? SupersededBy, string Url)
{
    public static VerificationResult From(VerifiedDocument d, Language language, string url) => new(
        d.Code, true, StateName(d.State), d.Number, d.Version, d.Kind.ToString().ToLowerInvariant(), d.Title[language],
        d.DepartmentCode, d.Department[language], d.MaskedHolderName, d.IssuedAt, d.ValidFrom, d.ValidUntil, d.RevokedAt, d.SupersededByCode, url);

    public static string StateName(VerifiedState state) => state.ToString().ToLowerInvariant();
}

/// <summary>GET /api/v1/documents/verify/{code}: anyone (a bank, an employer, a landlord) checks a document by the code under its QR.</summary>
public static class VerifyApi
{
    public static RouteGroupBuilder MapVerifyApi(this RouteGroupBuilder api)
    {
        api.MapGet("/documents/verify/{code}", Verify).WithName("VerifyDocument").WithTags("Documents")
            .WithSummary("Whether a document OneStop issued is authentic and valid, expired, revoked or superseded.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<VerificationResult>, ProblemHttpResult, ValidationProblem>> Verify(
        [Description("The verification code printed under the document's QR code, e.g. 7K3M9QX2AB4CDEFG.")] string code,
        HttpRequest request, DocumentStatus status, CancellationToken cancellationToken,
        [Description(ApiLanguage.Description)] string? lang = null)
    {
        if (ApiLanguage.Problem(lang) is { } langErrors) return TypedResults.ValidationProblem(langErrors);
        if (await status.ByCodeAsync(code, cancellationToken) is not { } document)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Document not found",
                detail: "No document OneStop issued has this verification code. Check it was typed as printed.");
        var language = Languages.Current;
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}{language.PathPrefix()}{DocumentPaths.Verify(document.Code)}";
        return TypedResults.Ok(VerificationResult.From(document, language, url));
    }
}
