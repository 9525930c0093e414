using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;
using OneStop.Forms.Answers;
using OneStop.Forms.Attachments;
using OneStop.Forms.Filling;
using OneStop.Platform.Database;
using OneStop.Platform.Storage;

namespace OneStop.Forms.Uploads;

/// <summary>
/// A file the person added to their own draft (also after sending it), as an attachment with the name it
/// was saved under and the type found in its content. Anyone else, signed in or not, gets 404.
/// </summary>
public sealed class DownloadModel(DraftAccess access, OneStopDb db, IFileStore store, AnswerProtection protection) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid draftId, Guid attachmentId, CancellationToken cancellationToken)
    {
        if (await access.OpenAsync(HttpContext, draftId, cancellationToken) is not DraftOpening.Found) return NotFound();
        var attachment = await db.Set<FormAttachment>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == attachmentId && a.DraftId == draftId, cancellationToken);
        if (attachment is null || FileTypes.Find(attachment.TypeName) is not { } type) return NotFound();
        var content = await store.OpenReadAsync(attachment.StorageKey, cancellationToken);
        if (content is null) return NotFound();
        // nosniff is set on every response (SecurityHeaders); "attachment" keeps the browser from showing it in the portal's origin.
        Response.Headers.CacheControl = "private, no-store";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(protection.UnprotectText(attachment.FileName));
        Response.Headers.ContentDisposition = disposition.ToString();
        return File(content, type.ContentType);
    }
}
