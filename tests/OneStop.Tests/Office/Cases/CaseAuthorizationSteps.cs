using Microsoft.Extensions.DependencyInjection;
using OneStop.Cases;
using OneStop.Cases.Engine;
using OneStop.Platform.Database;
using OneStop.Platform.Storage;
using OneStop.Tests.Cases;

namespace OneStop.Tests.Office.Cases;

/// <summary>What the authorization table needs of cases: a TD case with a file on it.</summary>
public static class CaseAuthorizationSteps
{
    /// <summary>
    /// A TD case and an officer's document on it (stored directly, as the approve action would store it; the
    /// upload itself is tested in <see cref="CaseFilesTests"/>): the case's reference and the document's id.
    /// </summary>
    public static async Task<(string Reference, Guid File)> CaseWithDocumentAsync(OneStopApp app)
    {
        var c = await app.NewCaseAsync(null);
        await using var scope = app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<IFileStore>().PutAsync(new MemoryStream(Platform.Files.SampleFiles.Pdf()), TestContext.Current.CancellationToken);
        var document = new CaseDocument
        {
            Id = Guid.CreateVersion7(), CaseId = c.Id, StorageKey = stored.Key,
            FileName = scope.ServiceProvider.GetRequiredService<CaseText>().Protect("report.pdf"),
            ContentType = "application/pdf", Size = stored.Length, Sha256 = stored.Sha256, UploadedBy = Guid.NewGuid(), UploadedAt = app.Clock.GetUtcNow().UtcDateTime,
        };
        var db = scope.ServiceProvider.GetRequiredService<OneStopDb>();
        db.Add(document);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return (c.Reference, document.Id);
    }
}
