using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using OneStop.Platform.Database;

namespace OneStop.Forms.Filling;

/// <summary>Asks before deleting an unsent draft, then deletes it for good.</summary>
[Authorize]
public sealed class DeleteModel(DraftAccess access, OneStopDb db, Attachments.DraftFiles files) : DraftPageModel(access)
{
    public async Task<IActionResult> OnGetAsync(Guid draftId, CancellationToken cancellationToken) =>
        await OpenAsync(draftId, forSent: false, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid draftId, CancellationToken cancellationToken)
    {
        if (await OpenAsync(draftId, forSent: false, cancellationToken) is { } refusal) return refusal;
        db.Remove(Journey.Draft);
        var keys = await files.RemoveRowsAsync(Journey.Draft.Id, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await files.DeleteFilesAsync(keys, cancellationToken);
        return GoTo("/applications?deleted=true");
    }
}
