using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Documents;
using OneStop.Tests.Cases;
using OneStop.Tests.Identity;
using OneStop.Tests.Identity.Profile;
using OneStop.Tests.Office;

namespace OneStop.Tests.Documents.Verifying;

/// <summary>Checking documents as the public does: the /verify pages and the upload check, page and API.</summary>
public static class VerifySteps
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The sandbox resident whose verified name the document prints.</summary>
    public const string HolderName = "CHEUNG Chi Keung";

    /// <summary>A document issued to an applicant whose identity (so their English name) is verified: the name is printed, masked on verification.</summary>
    public static async Task<IssuedDocument> NamedHolderDocumentAsync(this OneStopApp app, string language = "en")
    {
        if (!await app.QueryAsync(db => db.Set<DocumentTemplate>().AnyAsync(t => t.ServiceSlug == DocumentSteps.Service, Cancel))) await app.SetTemplateAsync();
        var client = app.NewBrowser();
        var email = await client.SignedInAsync(app);
        using (var verified = await client.VerifyAsync(Profiles.Resident(HolderName))) Assert.Equal(HttpStatusCode.Redirect, verified.StatusCode);
        var c = await app.NewCaseAsync(await OfficeSteps.UserIdAsync(app, email), language: language);
        await app.ApproveAsync(c);
        return await app.DocumentOfCaseAsync(c.Id);
    }

    /// <summary>The holder's name as stored (encrypted) on the document.</summary>
    public static async Task<string> HolderNameOfAsync(this OneStopApp app, IssuedDocument document)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return scope.ServiceProvider.GetRequiredService<DocumentText>().UnprotectOrNull(document.HolderName)!;
    }

    /// <summary>Uploads a file on /verify as a browser without JavaScript does; the page that answers.</summary>
    public static async Task<(HttpStatusCode Status, IDocument Page)> UploadOnPageAsync(this HttpClient client, byte[] file, string fileName = "licence.pdf", string url = "/verify")
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", fileName } };
        using var response = await client.PostAsync(url, form, Cancel);
        return (response.StatusCode, await response.ReadPageAsync());
    }

    public static async Task<HttpResponseMessage> UploadToApiAsync(this HttpClient client, byte[] file, string fileName = "licence.pdf")
    {
        using var form = new MultipartFormDataContent { { new ByteArrayContent(file), "file", fileName } };
        return await client.PostAsync("/api/v1/documents/verify?lang=en", form, Cancel);
    }

    /// <summary>The upload result's signature verdict (data-signature), or null when the page shows none.</summary>
    public static string? Signature(this IDocument page) => page.QuerySelector("[data-signature]")?.GetAttribute("data-signature");

    public static string? Field(this IDocument page, string name) => page.QuerySelector($"[data-field={name}]")?.TextContent.Trim();

    public static string? State(this IDocument page) => page.QuerySelector(".govuk-summary-list [data-state]")?.GetAttribute("data-state");

    public static Task SetStateAsync(this OneStopApp app, Guid documentId, DocumentState state, DateTime? revokedAt = null, string? reason = null) =>
        app.QueryAsync(db => db.Set<IssuedDocument>().Where(d => d.Id == documentId)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.State, state).SetProperty(d => d.RevokedAt, revokedAt).SetProperty(d => d.RevokedReason, reason), Cancel));

    /// <summary>A PDF without a signature (PDFsharp, one blank page).</summary>
    public static byte[] UnsignedPdf()
    {
        using var pdf = new PdfSharp.Pdf.PdfDocument();
        pdf.AddPage();
        using var output = new MemoryStream();
        pdf.Save(output);
        return output.ToArray();
    }
}
