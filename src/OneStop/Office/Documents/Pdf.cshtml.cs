using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Net.Http.Headers;
using OneStop.Identity;
using OneStop.Identity.Staff;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Storage;

namespace OneStop.Office.Documents;

/// <summary>Audit events of the documents back office; the activity page words them as <c>audit.{event}</c>.</summary>
public static class OfficeDocumentEvents
{
    /// <summary>An officer downloaded a document's signed PDF (it prints the holder's name).</summary>
    public const string PdfDownloaded = "document.office-pdf-downloaded";
}

/// <summary>The signed PDF of one document of the department, as issued; each download is audited. Another department's: 404.</summary>
[Authorize(Policy = StaffPolicies.Officer)]
public sealed class PdfModel(OfficeDocumentReader reader, IFileStore store, OneStopDb db, AuditLog audit) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await reader.FindAsync(User, id, cancellationToken) is not { } d) return NotFound();
        var content = await store.OpenReadAsync(d.StorageKey, cancellationToken);
        if (content is null) return NotFound();
        audit.Record(OfficeDocumentEvents.PdfDownloaded, User.UserId(), d.HolderId, "document", $"{d.Number} v{d.Version}", null, d.DepartmentCode);
        await db.SaveChangesAsync(cancellationToken);

        Response.Headers.CacheControl = "private, no-store";
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName($"{d.Number}-v{d.Version}.pdf");
        Response.Headers.ContentDisposition = disposition.ToString();
        return File(content, "application/pdf");
    }
}
