using System.ComponentModel;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace OneStop.Identity.Signing;

/// <summary>JSON body of POST /api/v1/signatures/verify.</summary>
/// <param name="Document">The signed document, base64.</param>
/// <param name="Signature">The detached CMS signature (.p7s): base64 of its DER, or its PEM text.</param>
public sealed record SignatureVerificationRequest(string? Document, string? Signature);

/// <summary>The answer: whether the signature is valid for the document, and what the signer's certificate shows.</summary>
/// <param name="Valid">True when the signature matches the document, chains to OneStop's CA and the certificate was good when it was made.</param>
/// <param name="Outcome">valid, document-mismatch, unknown-issuer or certificate-not-valid-when-signed.</param>
/// <param name="CertificateStatus">The certificate's status now: good, revoked or expired; null when it is not one of OneStop's.</param>
public sealed record SignatureVerificationResponse(bool Valid, string Outcome, string DocumentSha256, DateTimeOffset? SignedAt,
    bool ChainsToOneStop, SignerResponse? Signer, string? CertificateStatus, DateTimeOffset? RevokedAt, string? RevocationReason);

/// <param name="Name">The certificate's common name: the person's verified English name, or their email address.</param>
/// <param name="SerialNumber">The subject's serialNumber: a pseudonym that is the same on all of a person's certificates.</param>
public sealed record SignerResponse(string? Name, string? SerialNumber, string? CertificateSerial, DateTimeOffset? NotBefore, DateTimeOffset? NotAfter);

public sealed record CertificateStatusResponse(string Serial, string Status, DateTimeOffset NotBefore, DateTimeOffset NotAfter,
    DateTimeOffset? RevokedAt, string? RevocationReason);

/// <summary>The public half of signing: the CA certificate, signature verification, certificate status.</summary>
public static class SigningApi
{
    public const string CaCertificatePath = "/signing/ca.crt";

    public static IEndpointRouteBuilder MapSigningApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(CaCertificatePath, async (CertificateAuthority authority, CancellationToken cancellationToken) =>
            {
                var ca = await authority.GetAsync(cancellationToken);
                return Results.Text(ca.Root.ExportCertificatePem() + "\n", "application/x-pem-file");
            })
            .WithTags("Signing").WithName("GetSigningCaCertificate")
            .WithSummary("OneStop's signing root CA certificate (PEM), to verify signatures offline, e.g. openssl cms -verify -CAfile ca.crt.");

        var api = endpoints.MapGroup("/api/v1").WithTags("Signing");
        api.MapPost("/signatures/verify", Verify).WithName("VerifySignature")
            .WithSummary("Checks a detached CMS signature against its document: multipart (files document and signature) or JSON (base64).")
            .Accepts<SignatureVerificationRequest>("application/json", "multipart/form-data")
            .AddOpenApiOperationTransformer((operation, _, _) =>
            {
                if (operation.RequestBody is OpenApiRequestBody body && body.Content is { } content)
                    content["multipart/form-data"] = new OpenApiMediaType
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Required = new HashSet<string> { "document", "signature" },
                            Properties = new Dictionary<string, IOpenApiSchema>
                            {
                                ["document"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The signed document." },
                                ["signature"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", Description = "The .p7s file (DER, base64 or PEM)." },
                            },
                        },
                    };
                return Task.CompletedTask;
            });
        api.MapGet("/certificates/{serial}/status", Status).WithName("GetCertificateStatus")
            .WithSummary("A OneStop signing certificate's status now: good, revoked (when, why) or expired.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return endpoints;
    }

    private static async Task<Results<Ok<SignatureVerificationResponse>, ValidationProblem>> Verify(HttpRequest request,
        SignatureVerifier verifier, IOptions<SigningOptions> options, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        byte[]? document = null, signature = null;
        var limit = options.Value.MaxDocumentBytes;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            document = await ReadAsync(form.Files.GetFile("document"), limit, "document", errors, cancellationToken);
            signature = await ReadAsync(form.Files.GetFile("signature"), SignatureLimit, "signature", errors, cancellationToken);
        }
        else
        {
            SignatureVerificationRequest? body = null;
            try
            {
                body = await request.ReadFromJsonAsync<SignatureVerificationRequest>(cancellationToken);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                errors[""] = ["Send multipart/form-data with the files document and signature, or JSON with their base64."];
            }
            if (body is not null)
            {
                document = Base64(body.Document, limit, "document", errors);
                signature = body.Signature is null ? Missing("signature", errors) : System.Text.Encoding.ASCII.GetBytes(body.Signature);
            }
        }
        if (errors.Count > 0 || document is null || signature is null) return TypedResults.ValidationProblem(errors);

        try
        {
            var result = await verifier.VerifyAsync(document, signature, cancellationToken);
            return TypedResults.Ok(ToResponse(result));
        }
        catch (UnreadableSignatureException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["signature"] = [e.Message] });
        }
    }

    private static async Task<Results<Ok<CertificateStatusResponse>, ProblemHttpResult>> Status(
        [Description("The certificate's serial number in hex, as in the signature or openssl x509 -serial.")] string serial,
        SigningCertificates certificates, TimeProvider clock, CancellationToken cancellationToken)
    {
        var record = serial.Length <= 40 ? await certificates.FindBySerialAsync(serial, cancellationToken) : null;
        if (record is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Certificate not found",
                detail: "OneStop has not issued a signing certificate with this serial number.");
        return TypedResults.Ok(new CertificateStatusResponse(record.SerialNumber, Kebab(record.StatusAt(clock.GetUtcNow())),
            record.NotBefore, record.NotAfter, record.RevokedAt, record.RevocationReason is { } r ? Kebab(r) : null));
    }

    public static SignatureVerificationResponse ToResponse(VerificationResult r) =>
        new(r.Valid, Kebab(r.Outcome), r.DocumentSha256, r.SignedAt, r.ChainsToOneStop,
            new SignerResponse(r.SignerName, r.SignerSerialNumber, r.CertificateSerial, r.CertificateNotBefore, r.CertificateNotAfter),
            r.Status is { } s ? Kebab(s) : null, r.RevokedAt, r.RevocationReason is { } reason ? Kebab(reason) : null);

    /// <summary>CertificateNotValidWhenSigned → certificate-not-valid-when-signed.</summary>
    public static string Kebab<T>(T value) where T : struct, Enum =>
        string.Concat(value.ToString().Select((c, i) => char.IsUpper(c) ? (i > 0 ? "-" : "") + char.ToLowerInvariant(c) : c.ToString()));

    private const int SignatureLimit = 1024 * 1024;

    private static async Task<byte[]?> ReadAsync(IFormFile? file, int limit, string field, Dictionary<string, string[]> errors, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0) return Missing(field, errors);
        if (file.Length > limit) return TooLarge(field, limit, errors);
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    private static byte[]? Base64(string? value, int limit, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrEmpty(value)) return Missing(field, errors);
        try
        {
            var bytes = Convert.FromBase64String(value);
            return bytes.Length > limit ? TooLarge(field, limit, errors) : bytes;
        }
        catch (FormatException)
        {
            errors[field] = [$"The {field} must be base64."];
            return null;
        }
    }

    private static byte[]? Missing(string field, Dictionary<string, string[]> errors)
    {
        errors[field] = [$"The {field} is required."];
        return null;
    }

    private static byte[]? TooLarge(string field, int limit, Dictionary<string, string[]> errors)
    {
        errors[field] = [$"The {field} must be at most {limit} bytes."];
        return null;
    }
}
