using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Identity.Signing;

namespace OneStop.Tests.Identity.Signing;

/// <summary>The public verification API, the certificate status API and the CA download.</summary>
public sealed class SigningApiTests : IAsyncLifetime
{
    private readonly OneStopApp _app = new(Provider.Sqlite, seed: false);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<JsonElement> VerifyJsonAsync(byte[] document, byte[] signature)
    {
        using var response = await _app.CreateClient().PostAsJsonAsync("/api/v1/signatures/verify",
            new { document = Convert.ToBase64String(document), signature = Convert.ToBase64String(signature) }, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    [Fact]
    public async Task Verify_JsonWithAValidSignature_SaysValidAndNamesTheSigner()
    {
        var (person, email) = await _app.Services.NewPersonAsync();
        var document = Signers.NewDocument();
        var signed = await _app.Services.SignAsync(person, document);

        var result = await VerifyJsonAsync(document, signed.Signature);

        Assert.True(result.GetProperty("valid").GetBoolean());
        Assert.Equal("valid", result.GetProperty("outcome").GetString());
        Assert.True(result.GetProperty("chainsToOneStop").GetBoolean());
        Assert.Equal(email, result.GetProperty("signer").GetProperty("name").GetString());
        Assert.Equal(signed.CertificateSerial, result.GetProperty("signer").GetProperty("certificateSerial").GetString());
        Assert.Equal("good", result.GetProperty("certificateStatus").GetString());
        Assert.Equal(signed.SignedAt.ToUnixTimeSeconds(), result.GetProperty("signedAt").GetDateTimeOffset().ToUnixTimeSeconds());
    }

    [Fact]
    public async Task Verify_MultipartWithATamperedDocument_SaysTheDocumentDoesNotMatch()
    {
        var (person, _) = await _app.Services.NewPersonAsync();
        var document = Signers.NewDocument();
        var signed = await _app.Services.SignAsync(person, document);
        document[^1] ^= 0x20;
        using var form = new MultipartFormDataContent
        {
            { new ByteArrayContent(document), "document", "declaration.pdf" },
            { new ByteArrayContent(signed.Signature), "signature", "declaration.p7s" },
        };

        using var response = await _app.CreateClient().PostAsync("/api/v1/signatures/verify", form, Ct);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(result.GetProperty("valid").GetBoolean());
        Assert.Equal("document-mismatch", result.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Verify_SignatureFromAnotherCa_SaysUnknownIssuerWithNoStatus()
    {
        var document = Signers.NewDocument();

        var result = await VerifyJsonAsync(document, ForeignSigner.Sign(document));

        Assert.False(result.GetProperty("valid").GetBoolean());
        Assert.Equal("unknown-issuer", result.GetProperty("outcome").GetString());
        Assert.False(result.GetProperty("chainsToOneStop").GetBoolean());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("certificateStatus").ValueKind);
    }

    [Fact]
    public async Task Verify_SignatureThatIsNotCms_AnswersProblemDetails()
    {
        using var response = await _app.CreateClient().PostAsJsonAsync("/api/v1/signatures/verify",
            new { document = Convert.ToBase64String([1, 2, 3]), signature = Convert.ToBase64String("not a signature"u8.ToArray()) }, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty("signature", out _));
    }

    [Fact]
    public async Task Verify_MissingDocumentAndBadBase64_AnswersAnErrorForEachField()
    {
        using var response = await _app.CreateClient().PostAsJsonAsync("/api/v1/signatures/verify", new { signature = "%%%" }, Ct);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(problem.GetProperty("errors").TryGetProperty("document", out _));
    }

    [Fact]
    public async Task CertificateStatus_AfterRevocation_SaysRevokedWithTheReason()
    {
        var (person, _) = await _app.Services.NewPersonAsync();
        var signed = await _app.Services.SignAsync(person, Signers.NewDocument());
        var client = _app.CreateClient();
        var before = await client.GetJsonAsync($"/api/v1/certificates/{signed.CertificateSerial}/status");
        var id = (await _app.Services.WithScopeAsync(s => s.GetRequiredService<SigningCertificates>().FindBySerialAsync(signed.CertificateSerial, Ct)))!.Id;
        await _app.Services.WithScopeAsync(s => s.GetRequiredService<SigningCertificates>().RevokeAsync(person, id, RevocationReason.Superseded, Ct));

        var after = await client.GetJsonAsync($"/api/v1/certificates/{signed.CertificateSerial.ToLowerInvariant()}/status");

        Assert.Equal("good", before.GetProperty("status").GetString());
        Assert.Equal("revoked", after.GetProperty("status").GetString());
        Assert.Equal("superseded", after.GetProperty("revocationReason").GetString());
    }

    [Fact]
    public async Task CertificateStatus_UnknownSerial_Answers404ProblemDetails()
    {
        using var response = await _app.CreateClient().GetAsync("/api/v1/certificates/0123ABCD/status", Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task CaCertificate_Download_IsTheSelfSignedCaThatIssuesPeoplesCertificates()
    {
        var (person, _) = await _app.Services.NewPersonAsync();
        var record = await _app.Services.WithScopeAsync(s => s.GetRequiredService<SigningCertificates>().CurrentOrIssueAsync(person, Ct));

        var (status, pem) = await _app.CreateClient().GetTextAsync(SigningApi.CaCertificatePath);

        Assert.Equal(200, status);
        using var ca = X509Certificate2.CreateFromPem(pem);
        using var issued = record.Load();
        Assert.True(ca.Extensions.OfType<X509BasicConstraintsExtension>().Single().CertificateAuthority);
        Assert.Equal(ca.SubjectName.Name, issued.IssuerName.Name);
    }

    [Fact]
    public async Task OpenApi_Document_DescribesTheSigningEndpoints()
    {
        var document = await _app.CreateClient().GetJsonAsync("/openapi/v1.json");
        var paths = document.GetProperty("paths");

        var verify = paths.GetProperty("/api/v1/signatures/verify").GetProperty("post").GetProperty("requestBody").GetProperty("content");
        Assert.True(verify.TryGetProperty("application/json", out _));
        var upload = verify.GetProperty("multipart/form-data").GetProperty("schema").GetProperty("properties");
        Assert.Equal("binary", upload.GetProperty("document").GetProperty("format").GetString());
        Assert.True(paths.TryGetProperty("/api/v1/certificates/{serial}/status", out _));
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
