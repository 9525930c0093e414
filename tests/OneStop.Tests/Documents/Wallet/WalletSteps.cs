using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Documents;
using OneStop.Documents.Issuing;
using OneStop.Tests.Cases;
using OneStop.Tests.Office;

namespace OneStop.Tests.Documents.Wallet;

/// <summary>The holder at their wallet, as their browser without JavaScript posts it.</summary>
public static class WalletSteps
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Another application of the same person, approved: their next document.</summary>
    public static async Task<IssuedDocument> AnotherDocumentAsync(this OneStopApp app, Guid holderId)
    {
        var c = await app.NewCaseAsync(holderId);
        await app.ApproveAsync(c);
        return await app.DocumentOfCaseAsync(c.Id);
    }

    /// <summary>An officer re-issues the document: a new version under the same number, the old one superseded.</summary>
    public static async Task<IssuedDocument> ReissueAsync(this OneStopApp app, IssuedDocument previous)
    {
        app.Clock.Advance(TimeSpan.FromMinutes(5));
        await using var scope = app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<DocumentIssuing>().IssueAsync(
            new IssueRequest(previous.CaseId!.Value, $"next:{previous.Id}", Guid.NewGuid(), previous, AuditEvent: DocumentAuditEvents.Reissued), Cancel);
        return Assert.IsType<IssueResult.Issued>(result).Document;
    }

    /// <summary>Creates a share link on the document's page; the response (a redirect on success, the page with errors otherwise).</summary>
    public static Task<HttpResponseMessage> PostShareAsync(this HttpClient client, Guid documentId, params (string Name, string Value)[] fields) =>
        client.SubmitAsync(DocumentPaths.Document(documentId), fields.ToDictionary(f => f.Name, f => f.Value), "Share");

    /// <summary>Creates a share link for <paramref name="days"/> days and reads it from the page it shows it on once.</summary>
    public static async Task<string> ShareAsync(this HttpClient client, Guid documentId, string days = "7")
    {
        using var created = await client.PostShareAsync(documentId, ("Expiry", days));
        Assert.Equal(DocumentPaths.Document(documentId), created.Location());
        var (status, page) = await client.GetPageAsync(DocumentPaths.Document(documentId));
        Assert.Equal(200, status);
        var link = page.QuerySelector("[data-share-link]")?.GetAttribute("href");
        Assert.NotNull(link);
        return new Uri(link).PathAndQuery;
    }

    public static Task<List<OneStop.Platform.Audit.AuditEntry>> AuditAsync(this OneStopApp app, string @event, IssuedDocument document) =>
        app.QueryAsync(db => db.AuditEntries.AsNoTracking().Where(e => e.Event == @event && e.TargetId == $"{document.Number} v{document.Version}").ToListAsync(Cancel));

    public static async Task<byte[]> BytesAsync(this HttpResponseMessage response) => await response.Content.ReadAsByteArrayAsync(Cancel);
}
