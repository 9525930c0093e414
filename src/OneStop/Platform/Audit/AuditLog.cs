using OneStop.Platform.Database;

namespace OneStop.Platform.Audit;

/// <summary>
/// Adds audit entries to the current unit of work: they are saved by the same SaveChanges as the change
/// they describe, so a change and its record commit together or not at all.
/// </summary>
public sealed class AuditLog(OneStopDb db, TimeProvider clock)
{
    public AuditEntry Record(string @event, Guid? actorId, Guid? subjectId,
        string? targetType = null, string? targetId = null, string? detail = null, string? departmentCode = null)
    {
        var entry = new AuditEntry
        {
            At = clock.GetUtcNow(),
            Event = @event,
            ActorId = actorId,
            SubjectId = subjectId,
            TargetType = targetType,
            TargetId = targetId,
            Detail = detail,
            DepartmentCode = departmentCode,
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>Records and saves at once, for events that have no other change to ride with (a sign-in).</summary>
    public async Task RecordNowAsync(string @event, Guid? actorId, Guid? subjectId, string? detail = null, CancellationToken cancellationToken = default)
    {
        Record(@event, actorId, subjectId, detail: detail);
        await db.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Event names in the audit log. A person's own activity page shows them in words.</summary>
public static class AuditEvents
{
    public const string Registered = "account.registered";
    public const string EmailConfirmed = "account.email-confirmed";
    public const string SignedIn = "account.signed-in";
    public const string SignInFailed = "account.sign-in-failed";
    public const string LockedOut = "account.locked-out";
    public const string SignedOut = "account.signed-out";
    public const string SignedOutEverywhere = "account.signed-out-everywhere";
    public const string PasswordChanged = "account.password-changed";
    public const string PasswordResetRequested = "account.password-reset-requested";
    public const string PasswordReset = "account.password-reset";
}
