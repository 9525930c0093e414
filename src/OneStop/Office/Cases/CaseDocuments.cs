using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Cases;
using OneStop.Cases.Engine;
using OneStop.Forms.Attachments;
using OneStop.Platform.Database;
using OneStop.Platform.Storage;

namespace OneStop.Office.Cases;

/// <summary>A document stored for an action, or why it was not taken (a code worded as <c>office.cases.document.{Refusal}</c>).</summary>
public sealed record DocumentIntake(Guid? Id, string? Refusal, object[] Args);

/// <summary>
/// An officer's file for an action (an inspection report, a signed decision): through the same intake as
/// applicants' files (size while streaming, type by content, virus scan), kept as a <see cref="CaseDocument"/>
/// with its name encrypted. The action then names it; if the action does not happen, the file goes again.
/// </summary>
public sealed class CaseDocuments(OneStopDb db, FileIntake intake, IFileStore store, CaseText text, TimeProvider clock,
    IOptions<AttachmentOptions> options)
{
    public async Task<DocumentIntake> AddAsync(Case c, Guid officerId, IFormFile file, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxFileBytes;
        await using var upload = file.OpenReadStream();
        switch (await intake.AcceptAsync(upload, new IntakeRules(limit, FileTypes.Names), cancellationToken))
        {
            case IntakeResult.Accepted accepted:
                var document = new CaseDocument
                {
                    Id = Guid.CreateVersion7(),
                    CaseId = c.Id,
                    StorageKey = accepted.File.Key,
                    FileName = text.Protect(SafeName(file.FileName, accepted.Type.Extension)),
                    ContentType = accepted.Type.ContentType,
                    Size = accepted.File.Length,
                    Sha256 = accepted.File.Sha256,
                    UploadedBy = officerId,
                    UploadedAt = clock.GetUtcNow().UtcDateTime,
                };
                db.Add(document);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch
                {
                    await store.DeleteAsync(accepted.File.Key, CancellationToken.None);
                    throw;
                }
                return new DocumentIntake(document.Id, null, []);
            case IntakeResult.FileTooLarge: return new DocumentIntake(null, "tooLarge", [limit / (1024 * 1024)]);
            case IntakeResult.TypeNotAllowed: return new DocumentIntake(null, "typeNotAllowed", []);
            case IntakeResult.Infected: return new DocumentIntake(null, "infected", []);
            case IntakeResult.Empty: return new DocumentIntake(null, "empty", []);
            default: return new DocumentIntake(null, "scanFailed", []);
        }
    }

    /// <summary>Takes back a document whose action was refused or came too late.</summary>
    public async Task RemoveAsync(Guid documentId, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var document = await db.Set<CaseDocument>().SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null) return;
        db.Remove(document);
        await db.SaveChangesAsync(cancellationToken);
        await store.DeleteAsync(document.StorageKey, CancellationToken.None);
    }

    /// <summary>The name without any folder or control characters, ending in the extension of the type found in the content.</summary>
    private static string SafeName(string given, string extension)
    {
        var name = new string(Path.GetFileName(given.Replace('\\', '/')).Trim().Where(ch => !char.IsControl(ch)).ToArray());
        var stem = Path.GetFileNameWithoutExtension(name);
        if (stem.Length == 0) stem = "document";
        if (stem.Length > 120) stem = stem[..120];
        return $"{stem}.{extension.TrimStart('.')}";
    }
}
