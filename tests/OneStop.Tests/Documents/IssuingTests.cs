using System.Net.Http.Json;
using System.Text.Json.Nodes;
using OneStop.Documents;
using OneStop.Tests.Cases.Applicants;

namespace OneStop.Tests.Documents;

/// <summary>A decision issues the document: a signed PDF that Debian's pdfsig checks, and that a changed byte breaks.</summary>
public abstract class IssuingTests(Provider provider) : IAsyncLifetime
{
    private OneStopApp _app = null!;

    public ValueTask InitializeAsync()
    {
        if (provider == Provider.Postgres) PostgresServer.SkipIfUnavailable();
        _app = new OneStopApp(provider);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Approve_ServiceWithTemplate_IssuesASignedPdfThatPdfsigReportsValid()
    {
        var (_, _, c, document) = await _app.IssuedDocumentAsync();

        Assert.Equal((DocumentState.Valid, 1, c.Id), (document.State, document.Version, document.CaseId));
        Assert.Matches(@"^TD-VT-\d{4}-\d{6}$", document.Number);
        Assert.Equal(document.ValidFrom.AddYears(1).AddDays(-1), document.ValidUntil);
        var pdf = await _app.PdfAsync(document);
        var report = await DocumentSteps.PdfsigAsync(pdf);
        Assert.Contains("Signature Validation: Signature is Valid.", report);
        Assert.Contains("Total document signed", report);
        Assert.Contains("TD document signing", report);
    }

    [Fact]
    public async Task VerifyApi_IssuedDocument_ValidWithTheHolderMaskedAndNothingMore()
    {
        var (_, _, _, document) = await _app.IssuedDocumentAsync();
        using var client = _app.CreateClient();

        var result = await client.GetFromJsonAsync<JsonObject>($"/api/v1/documents/verify/{document.VerificationCode}?lang=en", TestContext.Current.CancellationToken);

        Assert.Equal("valid", (string?)result!["state"]);
        Assert.Equal(document.Number, (string?)result["number"]);
        Assert.Equal("Vehicle test licence", (string?)result["title"]);
        Assert.Equal("TD", (string?)result["department"]);
        Assert.Equal(document.MaskedHolderName, (string?)result["holder"]);
        Assert.DoesNotContain(document.HolderId.ToString()!, result.ToJsonString());
        Assert.DoesNotContain("AB 1234", result.ToJsonString());
    }

    [Fact]
    public async Task ApplicationPage_Approved_LinksTheIssuedDocument()
    {
        var (client, _, c, document) = await _app.IssuedDocumentAsync();

        var (status, page) = await client.GetPageAsync(c.PagePath());

        Assert.Equal(200, status);
        var link = page.QuerySelector("[data-documents] a")!;
        Assert.Equal("Vehicle test licence", link.TextContent.Trim());
        Assert.Equal($"/documents/{document.Id}", link.GetAttribute("href"));
    }

    [Fact]
    public async Task VerifyApi_UnknownCode_NotFoundProblem()
    {
        using var client = _app.CreateClient();

        using var response = await client.GetAsync("/api/v1/documents/verify/0000000000000000", TestContext.Current.CancellationToken);

        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Pdfsig_OneByteChanged_ReportsTheSignatureBroken()
    {
        var (_, _, _, document) = await _app.IssuedDocumentAsync();
        var pdf = await _app.PdfAsync(document);
        // A byte inside the first signed range (past the header), so the digest no longer matches.
        pdf[400] = (byte)(pdf[400] ^ 0x01);

        var report = await DocumentSteps.PdfsigAsync(pdf);

        Assert.DoesNotContain("Signature is Valid", report);
    }
}

public sealed class IssuingSqliteTests() : IssuingTests(Provider.Sqlite);

public sealed class IssuingPostgresTests() : IssuingTests(Provider.Postgres);
