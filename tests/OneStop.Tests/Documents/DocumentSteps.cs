using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OneStop.Cases;
using OneStop.Cases.Engine;
using OneStop.Documents;
using OneStop.Documents.Templates;
using OneStop.Platform.Storage;
using OneStop.Tests.Cases;
using OneStop.Tests.Cases.Applicants;
using OneStop.Tests.Notifications;
using OneStop.Tests.Office;

namespace OneStop.Tests.Documents;

/// <summary>Arranges issued documents the way they come in life: an application, an officer's approval, the outbox passed.</summary>
public static class DocumentSteps
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The service <see cref="CaseSteps.NewCaseAsync"/> applies for.</summary>
    public const string Service = "td-case-service";

    /// <summary>A one-year bilingual licence printing the <c>plate</c> answer, reminded 30 and 7 days before expiry, collected from the wallet, by post or at <c>td-test-counter</c>.</summary>
    public const string LicenceJson = """
        {
          "kind": "licence",
          "title": { "en": "Vehicle test licence", "zh-HK": "車輛測試牌照", "zh-CN": "车辆测试牌照" },
          "bilingual": true,
          "numberPrefix": "TD-VT",
          "validity": { "years": 1 },
          "fields": [ { "label": { "en": "Registration mark", "zh-HK": "登記號碼", "zh-CN": "登记号码" }, "from": "answer:plate" } ],
          "conditions": [ { "en": "Keep this licence in the vehicle.", "zh-HK": "須將本牌照存放於車內。", "zh-CN": "须将本牌照存放于车内。" } ],
          "reminderDays": [30, 7],
          "delivery": ["wallet", "post", "counter"],
          "counters": ["td-test-counter"]
        }
        """;

    /// <summary>Saves <paramref name="json"/> as the service's document template (what the office editor does).</summary>
    public static async Task SetTemplateAsync(this OneStopApp app, string json = LicenceJson, string serviceSlug = Service, string department = "TD")
    {
        var definition = DocumentJson.Parse(json, out var error);
        Assert.True(definition is not null, error);
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DocumentTemplates>().SaveAsync(serviceSlug, department, definition, Guid.NewGuid(), Cancel);
    }

    /// <summary>
    /// A signed-in applicant whose application the officer approved, and the document it issued (the template
    /// is saved first when the service has none).
    /// </summary>
    public static async Task<(HttpClient Client, string Email, Case Case, IssuedDocument Document)> IssuedDocumentAsync(this OneStopApp app, string language = "en")
    {
        if (!await app.QueryAsync(db => db.Set<DocumentTemplate>().AnyAsync(t => t.ServiceSlug == Service, Cancel))) await app.SetTemplateAsync();
        var (client, email, c) = await app.ApplicantWithCaseAsync(language);
        var approved = await app.ApproveAsync(c);
        return (client, email, approved, await app.DocumentOfCaseAsync(c.Id));
    }

    /// <summary>An officer approves the case; the outbox runs, which issues its document.</summary>
    public static async Task<Case> ApproveAsync(this OneStopApp app, Case c)
    {
        app.Clock.Advance(TimeSpan.FromMinutes(10));
        var approved = await app.OfficerAsync((a, now) => a.TakeAsync(ApplicantSteps.Officer(), now.Id, new ActionInput("approve", now.Revision), Cancel), c);
        await app.RunOutboxAsync();
        return approved;
    }

    /// <summary>The newest version issued for the case.</summary>
    public static Task<IssuedDocument> DocumentOfCaseAsync(this OneStopApp app, Guid caseId) =>
        app.QueryAsync(db => db.Set<IssuedDocument>().AsNoTracking().Where(d => d.CaseId == caseId).OrderByDescending(d => d.Version).FirstAsync(Cancel));

    public static Task<IssuedDocument> DocumentAsync(this OneStopApp app, Guid id) =>
        app.QueryAsync(db => db.Set<IssuedDocument>().AsNoTracking().SingleAsync(d => d.Id == id, Cancel));

    /// <summary>The stored PDF's bytes.</summary>
    public static async Task<byte[]> PdfAsync(this OneStopApp app, IssuedDocument document)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var stream = await scope.ServiceProvider.GetRequiredService<IFileStore>().OpenReadAsync(document.StorageKey, Cancel);
        Assert.NotNull(stream);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, Cancel);
        return copy.ToArray();
    }

    /// <summary>What Debian's <c>pdfsig</c> (poppler-utils, installed by scripts/test.sh) says of a PDF.</summary>
    public static async Task<string> PdfsigAsync(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"onestop-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf, Cancel);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdfsig", [path]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEndAsync(Cancel);
            var errors = process.StandardError.ReadToEndAsync(Cancel);
            await process.WaitForExitAsync(Cancel);
            return await output + await errors;
        }
        finally
        {
            File.Delete(path);
        }
    }
}
