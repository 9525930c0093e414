using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using OneStop.Documents.Issuing;
using OneStop.Identity;
using OneStop.Identity.Staff;
using OneStop.Notifications;
using OneStop.Notifications.Templates;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Documents.Lifecycle;

/// <summary>What became of an officer's revoke, re-issue or renewal.</summary>
public abstract record LifecycleResult
{
    /// <summary>Done: the revoked document, or the new version (also when an earlier click already made it).</summary>
    public sealed record Done(IssuedDocument Document) : LifecycleResult;
    /// <summary>No such document in the officer's department: pages answer 404.</summary>
    public sealed record NotFound : LifecycleResult;
    /// <summary>The officer's role does not allow it.</summary>
    public sealed record Forbidden : LifecycleResult;
    /// <summary>The document changed since the page was shown (or the form carried no revision): show it again.</summary>
    public sealed record Stale : LifecycleResult;
    /// <summary>Refused: a code for the message (<c>lifecycle.refused.{code}</c>) and the field it concerns, if any.</summary>
    public sealed record Refused(string Code, string? Field = null) : LifecycleResult;
}

/// <summary>
/// An officer's changes to an issued document. Revoking marks it revoked with the reason (encrypted), audits it and
/// tells the holder, in one SaveChanges under the document's revision. Re-issuing (a corrected copy: same number and
/// validity) and renewing (a new validity from the day after the old one ends, or today if it has lapsed) issue the
/// next version through <see cref="DocumentIssuing"/> under the key <c>next:{old id}</c>, so a second click makes nothing more.
/// Officers re-issue; supervisors and department administrators also revoke and renew.
/// </summary>
public sealed class DocumentActions(OneStopDb db, DocumentIssuing issuing, DocumentText protection, Notifier notifier, AuditLog audit, TimeProvider clock)
{
    public const int ReasonMaxLength = 1000;

    public static bool MayReissue(ClaimsPrincipal officer) => officer.StaffRole() is { } role && role.Includes(StaffRole.Officer);

    public static bool MayRevoke(ClaimsPrincipal officer) => officer.StaffRole() is { } role && role.Includes(StaffRole.Supervisor);

    public static bool MayRenew(ClaimsPrincipal officer) => MayRevoke(officer);

    /// <summary>The issue key of the version after <paramref name="documentId"/>.</summary>
    public static string NextKey(Guid documentId) => $"next:{documentId}";

    /// <summary>The first day of a renewal: the day after the old validity ends, or today when it has already lapsed.</summary>
    public static DateOnly RenewalStart(DateOnly validUntil, DateOnly today) => validUntil < today ? today : validUntil.AddDays(1);

    public async Task<LifecycleResult> RevokeAsync(ClaimsPrincipal officer, Guid documentId, int? revision, string? reason, CancellationToken cancellationToken = default)
    {
        if (!MayRevoke(officer)) return new LifecycleResult.Forbidden();
        var document = await db.Set<IssuedDocument>().InDepartmentOf(officer, d => d.DepartmentCode).SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null) return new LifecycleResult.NotFound();
        // The same form posted twice (a double click): the first revoked it, the second has nothing to add.
        if (document.State == DocumentState.Revoked) return new LifecycleResult.Done(document);
        if (revision != document.Revision) return new LifecycleResult.Stale();
        var why = reason?.Trim();
        if (string.IsNullOrEmpty(why)) return new LifecycleResult.Refused("reasonRequired", "Reason");
        if (why.Length > ReasonMaxLength) return new LifecycleResult.Refused("reasonTooLong", "Reason");
        if (document.State != DocumentState.Valid) return new LifecycleResult.Refused("notValid");

        var actor = officer.UserId();
        document.State = DocumentState.Revoked;
        document.RevokedAt = clock.GetUtcNow().UtcDateTime;
        document.RevokedBy = actor;
        document.RevokedReason = protection.Protect(why);
        document.Revision++;
        // The reason may name the holder: it stays out of the audit entry, which holds only what was done to which version.
        audit.Record(DocumentAuditEvents.Revoked, actor, document.HolderId, "document", $"{document.Number} v{document.Version}", null, document.DepartmentCode);
        if (document.HolderId is { } holder)
        {
            var department = await db.Departments.AsNoTracking().Where(d => d.Code == document.DepartmentCode).Select(d => d.Name).SingleOrDefaultAsync(cancellationToken)
                ?? new LocalisedText(document.DepartmentCode, document.DepartmentCode, document.DepartmentCode);
            await notifier.EnqueueAsync(new NotificationRequest(NotificationEvents.DocumentRevoked, document.DepartmentCode, holder, null, document.Language,
                document.CaseId, $"document-revoked:{document.Id}", new Dictionary<string, string>
                {
                    ["document"] = document.Title.En, ["document:zh-HK"] = document.Title.ZhHk, ["document:zh-CN"] = document.Title.ZhCn,
                    ["reference"] = document.Number,
                    ["reason"] = why,
                    ["department"] = department.En, ["department:zh-HK"] = department.ZhHk, ["department:zh-CN"] = department.ZhCn,
                    ["link"] = DocumentPaths.Document(document.Id),
                }), cancellationToken);
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new LifecycleResult.Done(document);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another click or officer got there first: revoked already is what was asked; anything else is news to show.
            db.ChangeTracker.Clear();
            var now = await db.Set<IssuedDocument>().AsNoTracking().SingleAsync(d => d.Id == documentId, cancellationToken);
            return now.State == DocumentState.Revoked ? new LifecycleResult.Done(now) : new LifecycleResult.Stale();
        }
    }

    /// <summary>A corrected copy: the same number and validity, the next version, the old one superseded.</summary>
    public async Task<LifecycleResult> ReissueAsync(ClaimsPrincipal officer, Guid documentId, int? revision, CancellationToken cancellationToken = default)
    {
        if (!MayReissue(officer)) return new LifecycleResult.Forbidden();
        return await NextVersionAsync(officer, documentId, revision, renew: false, cancellationToken);
    }

    /// <summary>A new validity period: from the day after the old one ends (today if it lapsed), as long as the template gives.</summary>
    public async Task<LifecycleResult> RenewAsync(ClaimsPrincipal officer, Guid documentId, int? revision, CancellationToken cancellationToken = default)
    {
        if (!MayRenew(officer)) return new LifecycleResult.Forbidden();
        return await NextVersionAsync(officer, documentId, revision, renew: true, cancellationToken);
    }

    private async Task<LifecycleResult> NextVersionAsync(ClaimsPrincipal officer, Guid documentId, int? revision, bool renew, CancellationToken cancellationToken)
    {
        var document = await db.Set<IssuedDocument>().AsNoTracking().InDepartmentOf(officer, d => d.DepartmentCode).SingleOrDefaultAsync(d => d.Id == documentId, cancellationToken);
        if (document is null) return new LifecycleResult.NotFound();
        var key = NextKey(document.Id);
        if (await db.Set<IssuedDocument>().AsNoTracking().SingleOrDefaultAsync(d => d.IssueKey == key, cancellationToken) is { } next)
        {
            // A double click finds the version its first click made. A renewal starts later than the old version; a
            // re-issue on the same day: a stale page asking for the other (a renewal of what was just re-issued) is shown again.
            var wasRenewal = next.ValidFrom != document.ValidFrom;
            return wasRenewal == renew ? new LifecycleResult.Done(next) : new LifecycleResult.Stale();
        }
        if (revision != document.Revision) return new LifecycleResult.Stale();
        if (document.State != DocumentState.Valid) return new LifecycleResult.Refused("notValid");
        if (document.CaseId is not { } caseId) return new LifecycleResult.Refused("noTemplate");
        DateOnly? validFrom = null;
        if (renew)
        {
            if (document.ValidUntil is not { } until) return new LifecycleResult.Refused("noValidity");
            validFrom = RenewalStart(until, HongKongTime.Today(clock));
        }
        var request = new IssueRequest(caseId, key, officer.UserId(), document, validFrom, renew ? DocumentAuditEvents.Renewed : DocumentAuditEvents.Reissued);
        switch (await issuing.IssueAsync(request, cancellationToken))
        {
            case IssueResult.Issued issued:
                // A corrected copy keeps the old validity, so the reminders already sent for it stay sent.
                if (!renew && document.ReminderDaysSent is { } sent)
                    await db.Set<IssuedDocument>().Where(d => d.Id == issued.Document.Id && d.ReminderDaysSent == null)
                        .ExecuteUpdateAsync(s => s.SetProperty(d => d.ReminderDaysSent, sent), cancellationToken);
                return new LifecycleResult.Done(issued.Document);
            case IssueResult.AlreadyIssued already:
                return new LifecycleResult.Done(already.Document);
            default:
                return new LifecycleResult.Refused("noTemplate");
        }
    }
}
