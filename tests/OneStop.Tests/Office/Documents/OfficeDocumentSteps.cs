using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneStop.Documents;
using OneStop.Notifications;
using OneStop.Platform.Audit;
using OneStop.Tests.Cases.Applicants;
using OneStop.Tests.Documents;
using OneStop.Tests.Office.Cases;

namespace OneStop.Tests.Office.Documents;

/// <summary>Officers at work on the documents back office, as their browsers post it; and what verification then says.</summary>
public static class OfficeDocumentSteps
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>Like <see cref="DocumentSteps.IssuedDocumentAsync"/>, for an applicant who put <paramref name="name"/> in their profile first (so it is printed).</summary>
    public static async Task<IssuedDocument> NamedHolderDocumentAsync(this OneStopApp app, string name)
    {
        if (!await app.QueryAsync(db => db.Set<DocumentTemplate>().AnyAsync(t => t.ServiceSlug == DocumentSteps.Service, Cancel))) await app.SetTemplateAsync();
        var (client, _, c) = await app.ApplicantWithCaseAsync();
        using var named = await client.SubmitAsync("/account/profile/name", new Dictionary<string, string> { ["NameEnglish"] = name });
        Assert.Equal("/account/profile", named.Location());
        await app.ApproveAsync(c);
        return await app.DocumentOfCaseAsync(c.Id);
    }

    public static string OfficePath(this IssuedDocument document) => $"/office/documents/{document.Id}";

    /// <summary>Posts one of the document page's forms (Revoke, Reissue, Renew) with the page's hidden fields.</summary>
    public static async Task<HttpResponseMessage> PostDocumentAsync(this HttpClient client, IssuedDocument document, string handler, params (string Name, string Value)[] fields)
    {
        var url = document.OfficePath();
        return await client.SubmitAsync(await client.PageAsync(url), url, fields.ToDictionary(f => f.Name, f => f.Value), handler);
    }

    /// <summary>What the public verification API answers for a code.</summary>
    public static async Task<JsonObject> VerifyAsync(this OneStopApp app, string code)
    {
        using var client = app.CreateClient();
        return (await client.GetFromJsonAsync<JsonObject>($"/api/v1/documents/verify/{code}?lang=en", Cancel))!;
    }

    public static Task<List<IssuedDocument>> VersionsAsync(this OneStopApp app, string number) =>
        app.QueryAsync(db => db.Set<IssuedDocument>().AsNoTracking().Where(d => d.Number == number).OrderBy(d => d.Version).ToListAsync(Cancel));

    public static Task<List<Notification>> NotificationsAsync(this OneStopApp app, string @event, Guid documentId) =>
        app.QueryAsync(db => db.Set<Notification>().AsNoTracking().Where(n => n.Event == @event && n.IdempotencyKey.Contains(documentId.ToString()))
            .OrderBy(n => n.CreatedAt).ToListAsync(Cancel));

    /// <summary>Audit entries of one version (<c>TD-VT-2026-000001 v1</c>).</summary>
    public static Task<List<AuditEntry>> DocumentAuditAsync(this OneStopApp app, string @event, IssuedDocument document) =>
        app.AuditOfAsync(@event, $"{document.Number} v{document.Version}");
}
