using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using OneStop.Platform.Localisation;

namespace OneStop.Documents.Verifying;

/// <summary>
/// The answer of POST /api/v1/documents/verify: the file's signature and, when OneStop issued exactly this file,
/// the document's status (as GET /api/v1/documents/verify/{code} gives it).
/// </summary>
/// <param name="Signature">valid, no-signature, changed-after-signing or unknown-signer.</param>
/// <param name="SignatureValid">True when a department's key OneStop holds signed the whole file as it is.</param>
/// <param name="SignedAt">When the signature says it was made (only for a valid signature).</param>
/// <param name="SignedBy">The department whose key signed it (only for a valid signature).</param>
/// <param name="Known">Whether OneStop issued this very file; <paramref name="Document"/> is its status then.</param>
public sealed record UploadCheckResponse(string Signature, bool SignatureValid, DateTimeOffset? SignedAt, string? SignedBy, bool Known, VerificationResult? Document)
{
    public static string VerdictName(SignatureVerdict verdict) =>
        string.Concat(verdict.ToString().Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));
}

/// <summary>POST /api/v1/documents/verify: the upload check for machines (multipart, the PDF in the field <c>file</c>).</summary>
public static class UploadCheckApi
{
    public static RouteGroupBuilder MapUploadCheckApi(this RouteGroupBuilder api)
    {
        api.MapPost("/documents/verify", Verify).WithName("VerifyDocumentFile").WithTags("Documents")
            .WithSummary("Checks a PDF's signature against OneStop's department keys, and the status of the document if OneStop issued this very file.")
            .Accepts<IFormFile>("multipart/form-data")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                if (operation.RequestBody is OpenApiRequestBody body && body.Content is { } content)
                    content["multipart/form-data"] = new OpenApiMediaType
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Required = new HashSet<string> { "file" },
                            Properties = new Dictionary<string, IOpenApiSchema>
                            {
                                ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The PDF, as OneStop issued it." },
                            },
                        },
                    };
                return Task.CompletedTask;
            });
        return api;
    }

    private static async Task<Results<Ok<UploadCheckResponse>, ProblemHttpResult, ValidationProblem>> Verify(HttpRequest request,
        PdfSignatureCheck check, IOptions<DocumentsOptions> options, CancellationToken cancellationToken, string? lang = null)
    {
        if (ApiLanguage.Problem(lang) is { } langErrors) return TypedResults.ValidationProblem(langErrors);
        var limit = options.Value.MaxUploadBytes;
        // A generous allowance for the multipart envelope; the file itself is measured below.
        if (request.ContentLength > limit + 64 * 1024) return TooLarge(limit);
        if (!request.HasFormContentType) return Invalid("Send multipart/form-data with the PDF in the field file.");
        var form = await request.ReadFormAsync(cancellationToken);
        if (form.Files.GetFile("file") is not { Length: > 0 } file) return Invalid("The file is required.");
        if (file.Length > limit) return TooLarge(limit);
        var pdf = await UploadedPdf.ReadAsync(file, cancellationToken);
        var result = await check.CheckAsync(pdf, cancellationToken);
        if (result.Signature == SignatureVerdict.NotPdf) return Invalid("The file is not a PDF.");

        var language = Languages.Current;
        VerificationResult? document = result.Document is { } d
            ? VerificationResult.From(d, language, $"{request.Scheme}://{request.Host}{request.PathBase}{language.PathPrefix()}{DocumentPaths.Verify(d.Code)}")
            : null;
        return TypedResults.Ok(new UploadCheckResponse(UploadCheckResponse.VerdictName(result.Signature), result.SignatureValid,
            result.SignedAt, result.SignedByDepartment, document is not null, document));
    }

    private static ValidationProblem Invalid(string message) => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["file"] = [message] });

    private static ProblemHttpResult TooLarge(int limit) => TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "File too large", detail: $"The file must be at most {limit} bytes.");
}

/// <summary>Reads an uploaded file into memory (it is at most <see cref="DocumentsOptions.MaxUploadBytes"/>) and keeps nothing.</summary>
public static class UploadedPdf
{
    public static async Task<byte[]> ReadAsync(IFormFile file, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream((int)Math.Min(file.Length, int.MaxValue));
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
