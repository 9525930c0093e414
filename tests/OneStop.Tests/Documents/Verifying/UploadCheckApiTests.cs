using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OneStop.Tests.Office;

namespace OneStop.Tests.Documents.Verifying;

/// <summary>POST /api/v1/documents/verify: the upload check for machines, JSON answers and problem details.</summary>
public abstract class UploadCheckApiTests(Provider provider) : IAsyncLifetime
{
    private OneStopApp _app = null!;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider) { Settings = new() { ["Documents:MaxUploadBytes"] = "200000" } };
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Api_IssuedPdf_SignatureValidWithTheDocumentsStatus()
    {
        var (_, _, _, document) = await _app.IssuedDocumentAsync();
        using var client = _app.CreateClient();

        using var response = await client.UploadToApiAsync(await _app.PdfAsync(document));
        var result = await response.Content.ReadFromJsonAsync<JsonObject>(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("valid", true, "TD", true), ((string?)result!["signature"], (bool?)result["signatureValid"], (string?)result["signedBy"], (bool?)result["known"]));
        Assert.NotNull((string?)result["signedAt"]);
        var found = result["document"]!;
        Assert.Equal((document.VerificationCode, "valid", document.Number, "Vehicle test licence"), ((string?)found["code"], (string?)found["state"], (string?)found["number"], (string?)found["title"]));
        Assert.EndsWith("/verify/" + document.VerificationCode, (string?)found["url"]);
        Assert.DoesNotContain("AB 1234", result.ToJsonString());
    }

    [Fact]
    public async Task Api_OneByteChanged_ChangedAfterSigningAndNoDocument()
    {
        var (_, _, _, document) = await _app.IssuedDocumentAsync();
        var pdf = await _app.PdfAsync(document);
        pdf[pdf.Length / 2] ^= 0x20;
        using var client = _app.CreateClient();

        using var response = await client.UploadToApiAsync(pdf);
        var result = await response.Content.ReadFromJsonAsync<JsonObject>(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(("changed-after-signing", false, false), ((string?)result!["signature"], (bool?)result["signatureValid"], (bool?)result["known"]));
        Assert.Null(result["document"]);
        Assert.Null(result["signedBy"]);
    }

    [Fact]
    public async Task Api_UnsignedPdf_NoSignature()
    {
        using var client = _app.CreateClient();

        using var response = await client.UploadToApiAsync(VerifySteps.UnsignedPdf());
        var result = await response.Content.ReadFromJsonAsync<JsonObject>(Cancel);

        Assert.Equal("no-signature", (string?)result!["signature"]);
    }

    [Fact]
    public async Task Api_NotAPdf_ValidationProblem()
    {
        using var client = _app.CreateClient();

        using var response = await client.UploadToApiAsync("<html>not a pdf</html>"u8.ToArray());
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("The file is not a PDF.", (string?)problem!["errors"]!["file"]![0]);
    }

    [Fact]
    public async Task Api_NoFile_ValidationProblem()
    {
        using var client = _app.CreateClient();
        using var form = new MultipartFormDataContent { { new StringContent("x"), "other" } };

        using var response = await client.PostAsync("/api/v1/documents/verify", form, Cancel);
        var problem = await response.Content.ReadFromJsonAsync<JsonObject>(Cancel);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The file is required.", (string?)problem!["errors"]!["file"]![0]);
    }

    [Fact]
    public async Task Api_LargerThanMaxUploadBytes_PayloadTooLargeProblem()
    {
        using var client = _app.CreateClient();
        byte[] large = [.. "%PDF-1.7\n"u8, .. new byte[300_000]];

        using var response = await client.UploadToApiAsync(large);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task CheckPage_LargerThanMaxUploadBytes_ErrorKeepingThePage()
    {
        using var anyone = _app.NewBrowser();
        byte[] large = [.. "%PDF-1.7\n"u8, .. new byte[300_000]];

        var (status, page) = await anyone.UploadOnPageAsync(large);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["The selected file must be smaller than 0.2 MB"], page.ErrorSummary());
    }
}

public sealed class UploadCheckApiSqliteTests() : UploadCheckApiTests(Provider.Sqlite);

public sealed class UploadCheckApiPostgresTests() : UploadCheckApiTests(Provider.Postgres);
