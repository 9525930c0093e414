using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using OneStop.Cases;
using OneStop.Cases.Engine;
using OneStop.Forms.Answers;
using OneStop.Forms.Attachments;
using OneStop.Identity;
using OneStop.Identity.Staff;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Storage;

namespace OneStop.Office.Cases;

/// <summary>
/// A file of a case: one the applicant attached to the application, or a document an officer added. Each
/// download is in the audit log (who, which case, which file). Another department's case: 404.
/// </summary>
[Authorize(Policy = StaffPolicies.Officer)]
public sealed class DownloadModel(CaseReader reader, OneStopDb db, IFileStore store, AnswerProtection protection, CaseText text, AuditLog audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string reference, Guid fileId, CancellationToken cancellationToken)
    {
        if (await reader.FindAsync(User, reference, cancellationToken) is not { } c) return NotFound();
        var file = await AttachmentAsync(c, fileId, cancellationToken) ?? await DocumentAsync(c, fileId, cancellationToken);
        if (file is null) return NotFound();
        var content = await store.OpenReadAsync(file.Value.Key, cancellationToken);
        if (content is null) return NotFound();

        audit.Record(CaseAuditEvents.FileDownloaded, User.UserId(), c.ApplicantId, "case", c.Reference, $"file={fileId}", c.DepartmentCode);
        await db.SaveChangesAsync(cancellationToken);

        // nosniff is on every response; "attachment" keeps the browser from showing it in the portal's origin.
        Response.Headers.CacheControl = "private, no-store";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(file.Value.Name);
        Response.Headers.ContentDisposition = disposition.ToString();
        return File(content, file.Value.ContentType);
    }

    private async Task<(string Key, string Name, string ContentType)?> AttachmentAsync(Case c, Guid id, CancellationToken cancellationToken)
    {
        var a = await db.Set<FormAttachment>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id && a.SubmissionId == c.SubmissionId, cancellationToken);
        return a is not null && FileTypes.Find(a.TypeName) is { } type ? (a.StorageKey, protection.UnprotectText(a.FileName), type.ContentType) : null;
    }

    private async Task<(string Key, string Name, string ContentType)?> DocumentAsync(Case c, Guid id, CancellationToken cancellationToken)
    {
        var d = await db.Set<CaseDocument>().AsNoTracking().SingleOrDefaultAsync(d => d.Id == id && d.CaseId == c.Id, cancellationToken);
        return d is null ? null : (d.StorageKey, text.Unprotect(d.FileName), d.ContentType);
    }
}
