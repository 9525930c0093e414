using Microsoft.EntityFrameworkCore;
using OneStop.Platform.Database;
using OneStop.Platform.Storage;

namespace OneStop.Forms.Attachments;

/// <summary>
/// The files of a draft that goes away unsent (deleted by its owner, or expired). Their rows leave in the
/// same unit of work as the draft; the bytes are deleted after it commits, so a crash in between leaves an
/// unreferenced file, never a row pointing at nothing.
/// </summary>
public sealed class DraftFiles(OneStopDb db, IFileStore store)
{
    /// <summary>Removes the draft's unsent attachment rows from the unit of work and returns their storage keys.</summary>
    public async Task<IReadOnlyList<string>> RemoveRowsAsync(Guid draftId, CancellationToken cancellationToken)
    {
        var rows = await db.Set<FormAttachment>().Where(a => a.DraftId == draftId && a.SubmissionId == null).ToListAsync(cancellationToken);
        db.RemoveRange(rows);
        return rows.Select(r => r.StorageKey).ToList();
    }

    public async Task DeleteFilesAsync(IEnumerable<string> keys, CancellationToken cancellationToken)
    {
        foreach (var key in keys) await store.DeleteAsync(key, cancellationToken);
    }
}
