using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneStop.Cases.Calendar;
using OneStop.Cases.Workflows;
using OneStop.Identity;
using OneStop.Identity.Staff;
using OneStop.Notifications;
using OneStop.Notifications.Templates;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Outbox;

namespace OneStop.Cases.Engine;

public abstract record CaseResult
{
    public sealed record Done(Case Case) : CaseResult;
    /// <summary>No such case for this person (another department's, another applicant's): pages answer 404.</summary>
    public sealed record NotFound : CaseResult;
    /// <summary>The case changed since the page was shown (another officer acted, a double click): show it again.</summary>
    public sealed record Stale : CaseResult;
    public sealed record Refused(MoveRefusal Why) : CaseResult;
}

/// <summary>
/// Every change to a case goes through here: the officer's workflow actions, returning it to the applicant,
/// assignment and notes, and the applicant's reply and withdrawal. Each change writes the case, a timeline
/// event, an audit entry and the applicant's notification in one SaveChanges; the case's revision makes a
/// second, concurrent change (a double click, two officers) come back <see cref="CaseResult.Stale"/>.
/// </summary>
public sealed class CaseActions(OneStopDb db, WorkflowStore workflows, WorkingCalendar calendar, CaseText text,
    CaseNotices notices, AuditLog audit, TimeProvider clock, IEnumerable<IApprovalCharges> charges, Outbox outbox)
{
    public async Task<CaseResult> TakeAsync(ClaimsPrincipal officer, Guid caseId, ActionInput input, CancellationToken cancellationToken = default)
    {
        if (await ForOfficerAsync(officer, caseId, cancellationToken) is not { } c) return new CaseResult.NotFound();
        if (c.Revision != input.Revision) return new CaseResult.Stale();
        var workflow = (await workflows.VersionAsync(c.ServiceSlug, c.WorkflowVersion, cancellationToken)).Definition;
        if (CaseMoves.Check(workflow, c.State, officer.StaffRole()!.Value, input) is { } refusal) return new CaseResult.Refused(refusal);
        if (input.DocumentId is { } doc && !await db.Set<CaseDocument>().AnyAsync(d => d.Id == doc && d.CaseId == c.Id, cancellationToken))
            return new CaseResult.Refused(new MoveRefusal("documentRequired", "Document"));

        var action = workflow.Action(input.ActionId)!;
        var now = Now();
        var from = c.State;
        var to = workflow.State(action.To)!;
        // A service paid for on approval: the decision stands, and the case waits for the fee before it ends approved.
        ApprovalCharge? charge = null;
        if (to.End == Outcome.Approved)
            foreach (var charger in charges) charge ??= await charger.ChargeAsync(c, cancellationToken);
        if (charge is not null)
        {
            c.ResumeState = to.Id;
            to = BuiltInStates.AwaitingPayment;
        }
        CaseMoves.Enter(c, to, now, await calendar.AroundAsync(now, to.WorkingDays ?? 0, cancellationToken));
        var moved = AddEvent(c, CaseEventKind.Moved, officer.UserId(), now, e =>
        {
            e.ActionId = action.Id;
            e.FromState = from;
            e.ToState = to.Id;
            e.Text = Protect(input.Reason);
            e.DocumentId = input.DocumentId;
        });
        if (!string.IsNullOrWhiteSpace(input.Note))
            AddEvent(c, CaseEventKind.Note, officer.UserId(), now, e => { e.Internal = true; e.Text = Protect(input.Note); });
        audit.Record(CaseAuditEvents.Moved, officer.UserId(), c.ApplicantId, "case", c.Reference, $"action={action.Id};from={from};to={to.Id}", c.DepartmentCode);
        // Other modules (Payments' refund on rejection) learn of the ending with the change, at least once.
        if (to.End is { } outcome) outbox.Add(CaseClosed.Topic, new CaseClosed(c.Id, c.SubmissionId, outcome));
        if (charge is not null)
            await notices.TellApplicantAsync(c, moved, NotificationEvents.CasePaymentDue, to, input.Reason, cancellationToken,
                new Dictionary<string, string> { ["amount"] = $"HK${charge.Amount:#,0.00}", ["link"] = charge.Path });
        else
            await notices.TellApplicantAsync(c, moved, action.Notify ?? DefaultNotification(to), to, input.Reason, cancellationToken);
        return await SaveAsync(c, cancellationToken);
    }

    /// <summary>
    /// The fee of an approved case was paid (Payments' outbox message): the case ends in the state the officer
    /// approved it to, with the pledge moved on by the days it waited. A case no longer waiting is left alone.
    /// </summary>
    public async Task<CaseResult> PaidAsync(Guid caseId, Guid paymentId, CancellationToken cancellationToken = default)
    {
        if (await db.Set<Case>().SingleOrDefaultAsync(x => x.Id == caseId, cancellationToken) is not { } c) return new CaseResult.NotFound();
        if (c.State != BuiltInStates.AwaitingPaymentId) return new CaseResult.Done(c);
        var workflow = (await workflows.VersionAsync(c.ServiceSlug, c.WorkflowVersion, cancellationToken)).Definition;
        var now = Now();
        var paused = c.PausedAt ?? now;
        var days = await calendar.RangeAsync(WorkingDays.Day(paused).AddDays(-7), WorkingDays.Day(c.CaseDueAt > now ? c.CaseDueAt : now).AddDays((now - paused).Days * 2 + 60), cancellationToken);
        CaseMoves.Resume(c, workflow, now, days);
        var state = workflow.State(c.State)!;
        var paid = AddEvent(c, CaseEventKind.Moved, c.ApplicantId, now, e =>
        {
            e.ByApplicant = true;
            e.ActionId = "payment-received";
            e.FromState = BuiltInStates.AwaitingPaymentId;
            e.ToState = state.Id;
        });
        audit.Record(CaseAuditEvents.Moved, null, c.ApplicantId, "case", c.Reference, $"action=payment-received;payment={paymentId};to={state.Id}", c.DepartmentCode);
        // The approval stands now the fee is paid: other modules (Documents issues the licence) learn of the ending.
        if (state.End is { } outcome) outbox.Add(CaseClosed.Topic, new CaseClosed(c.Id, c.SubmissionId, outcome));
        await notices.TellApplicantAsync(c, paid, DefaultNotification(state), state, null, cancellationToken);
        return await SaveAsync(c, cancellationToken);
    }

    /// <summary>Returns the case to the applicant with what is needed; the pledge clock stops until they answer.</summary>
    public async Task<CaseResult> RequestInformationAsync(ClaimsPrincipal officer, Guid caseId, int revision, string? request, CancellationToken cancellationToken = default)
    {
        if (await ForOfficerAsync(officer, caseId, cancellationToken) is not { } c) return new CaseResult.NotFound();
        if (c.Revision != revision) return new CaseResult.Stale();
        var workflow = (await workflows.VersionAsync(c.ServiceSlug, c.WorkflowVersion, cancellationToken)).Definition;
        if (!CaseMoves.CanRequestInformation(workflow, c.State, officer.StaffRole()!.Value)) return new CaseResult.Refused(new MoveRefusal("notAvailable"));
        if (string.IsNullOrWhiteSpace(request)) return new CaseResult.Refused(new MoveRefusal("reasonRequired", "Reason"));

        var now = Now();
        var from = c.State;
        c.ResumeState = from;
        CaseMoves.Enter(c, BuiltInStates.Returned, now, new WorkingDays(new HashSet<DateOnly>()));
        var returned = AddEvent(c, CaseEventKind.ReturnedToApplicant, officer.UserId(), now, e =>
        {
            e.ActionId = CaseMoves.RequestInformation;
            e.FromState = from;
            e.ToState = BuiltInStates.ReturnedId;
            e.Text = Protect(request);
        });
        audit.Record(CaseAuditEvents.Returned, officer.UserId(), c.ApplicantId, "case", c.Reference, $"from={from}", c.DepartmentCode);
        await notices.TellApplicantAsync(c, returned, NotificationEvents.CaseInformationRequested, BuiltInStates.Returned, request, cancellationToken);
        return await SaveAsync(c, cancellationToken);
    }

    /// <summary>
    /// Claims (no <paramref name="assigneeId"/> given: the officer themselves), hands over or releases a case.
    /// An officer may take an unassigned case or let go of their own; a supervisor may assign anyone in the department.
    /// </summary>
    public async Task<CaseResult> AssignAsync(ClaimsPrincipal officer, Guid caseId, int revision, Guid? assigneeId, CancellationToken cancellationToken = default)
    {
        if (await ForOfficerAsync(officer, caseId, cancellationToken) is not { } c) return new CaseResult.NotFound();
        if (c.Revision != revision) return new CaseResult.Stale();
        var me = officer.UserId()!.Value;
        var supervisor = officer.StaffRole()!.Value.Includes(StaffRole.Supervisor);
        var selfService = (assigneeId == me && c.AssigneeId is null) || (assigneeId is null && c.AssigneeId == me);
        if (!selfService && !supervisor) return new CaseResult.Refused(new MoveRefusal("role"));
        if (assigneeId is { } a && a != me && !await db.Set<StaffMember>().AnyAsync(s => s.UserId == a && s.DepartmentCode == c.DepartmentCode, cancellationToken))
            return new CaseResult.Refused(new MoveRefusal("unknownAssignee", "Assignee"));

        var now = Now();
        c.AssigneeId = assigneeId;
        c.UpdatedAt = now;
        AddEvent(c, CaseEventKind.Assigned, me, now, e => { e.Internal = true; e.AssigneeId = assigneeId; });
        audit.Record(CaseAuditEvents.Assigned, me, c.ApplicantId, "case", c.Reference, $"assignee={assigneeId?.ToString() ?? "none"}", c.DepartmentCode);
        return await SaveAsync(c, cancellationToken);
    }

    /// <summary>An internal note: staff only. Does not change the case's revision, so notes never clash with actions.</summary>
    public async Task<CaseResult> AddNoteAsync(ClaimsPrincipal officer, Guid caseId, string? note, CancellationToken cancellationToken = default)
    {
        if (await ForOfficerAsync(officer, caseId, cancellationToken) is not { } c) return new CaseResult.NotFound();
        if (string.IsNullOrWhiteSpace(note)) return new CaseResult.Refused(new MoveRefusal("noteRequired", "Note"));
        AddEvent(c, CaseEventKind.Note, officer.UserId(), Now(), e => { e.Internal = true; e.Text = Protect(note); });
        audit.Record(CaseAuditEvents.NoteAdded, officer.UserId(), c.ApplicantId, "case", c.Reference, null, c.DepartmentCode);
        await db.SaveChangesAsync(cancellationToken);
        return new CaseResult.Done(c);
    }

    /// <summary>
    /// The applicant answers a request: with a message, and with the ids of the fields they changed when they
    /// amended the application (highlighted for the officer). The case goes back to where it was.
    /// </summary>
    public async Task<CaseResult> ReplyAsync(Guid applicantId, Guid caseId, int? revision, string? message, IReadOnlyList<string> changedFields,
        CancellationToken cancellationToken = default)
    {
        if (await ForApplicantAsync(applicantId, caseId, cancellationToken) is not { } c) return new CaseResult.NotFound();
        return await ReplyAsync(c, applicantId, revision, message, changedFields, cancellationToken);
    }

    /// <summary>The same for a case already loaded (the amendment handler finds it by submission, guests included).</summary>
    public async Task<CaseResult> ReplyAsync(Case c, Guid? applicantId, int? revision, string? message, IReadOnlyList<string> changedFields,
        CancellationToken cancellationToken = default)
    {
        if (revision is { } r && c.Revision != r) return new CaseResult.Stale();
        if (c.State != BuiltInStates.ReturnedId) return new CaseResult.Refused(new MoveRefusal("notAvailable"));
        if (string.IsNullOrWhiteSpace(message) && changedFields.Count == 0) return new CaseResult.Refused(new MoveRefusal("replyRequired", "Message"));

        var workflow = (await workflows.VersionAsync(c.ServiceSlug, c.WorkflowVersion, cancellationToken)).Definition;
        var now = Now();
        // From the pause to past both the moved pledge and the resumed state's own target.
        var paused = c.PausedAt ?? now;
        var until = WorkingDays.Day(c.CaseDueAt > now ? c.CaseDueAt : now).AddDays((now - paused).Days * 2 + 2 * WorkflowCheck.MaxWorkingDays + 60);
        var days = await calendar.RangeAsync(WorkingDays.Day(paused).AddDays(-7), until, cancellationToken);
        CaseMoves.Resume(c, workflow, now, days);
        var replied = AddEvent(c, CaseEventKind.ApplicantReplied, applicantId, now, e =>
        {
            e.ByApplicant = true;
            e.FromState = BuiltInStates.ReturnedId;
            e.ToState = c.State;
            e.Text = Protect(message);
            e.ChangedFields = changedFields.Count == 0 ? null : JsonSerializer.Serialize(changedFields);
        });
        audit.Record(CaseAuditEvents.Replied, applicantId, c.ApplicantId, "case", c.Reference, $"changed={changedFields.Count}", c.DepartmentCode);
        await notices.TellApplicantAsync(c, replied, NotificationEvents.CaseResubmitted, workflow.State(c.State)!, null, cancellationToken);
        return await SaveAsync(c, cancellationToken);
    }

    /// <summary>The applicant withdraws an open case; it ends in the built-in withdrawn state.</summary>
    public async Task<CaseResult> WithdrawAsync(Guid applicantId, Guid caseId, int revision, string? reason, CancellationToken cancellationToken = default)
    {
        if (await ForApplicantAsync(applicantId, caseId, cancellationToken) is not { } c) return new CaseResult.NotFound();
        if (c.Revision != revision) return new CaseResult.Stale();
        if (c.ClosedAt is not null) return new CaseResult.Refused(new MoveRefusal("notAvailable"));
        var now = Now();
        var from = c.State;
        CaseMoves.Enter(c, BuiltInStates.Withdrawn, now, new WorkingDays(new HashSet<DateOnly>()));
        var withdrawn = AddEvent(c, CaseEventKind.Withdrawn, applicantId, now, e =>
        {
            e.ByApplicant = true;
            e.FromState = from;
            e.ToState = BuiltInStates.WithdrawnId;
            e.Text = Protect(reason);
        });
        audit.Record(CaseAuditEvents.Withdrawn, applicantId, applicantId, "case", c.Reference, $"from={from}", c.DepartmentCode);
        await notices.TellApplicantAsync(c, withdrawn, NotificationEvents.CaseWithdrawn, BuiltInStates.Withdrawn, null, cancellationToken);
        return await SaveAsync(c, cancellationToken);
    }

    /// <summary>What the applicant is told when the action names nothing: the decision's own event, else "it moved on".</summary>
    private static string DefaultNotification(StateDefinition to) => to.End switch
    {
        Outcome.Approved => NotificationEvents.CaseApproved,
        Outcome.Rejected => NotificationEvents.CaseRejected,
        Outcome.Withdrawn => NotificationEvents.CaseWithdrawn,
        _ => NotificationEvents.CaseMoved,
    };

    private Task<Case?> ForOfficerAsync(ClaimsPrincipal officer, Guid caseId, CancellationToken cancellationToken) =>
        db.Set<Case>().InDepartmentOf(officer, c => c.DepartmentCode).SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);

    private Task<Case?> ForApplicantAsync(Guid applicantId, Guid caseId, CancellationToken cancellationToken) =>
        db.Set<Case>().SingleOrDefaultAsync(c => c.Id == caseId && c.ApplicantId == applicantId, cancellationToken);

    private CaseEvent AddEvent(Case c, CaseEventKind kind, Guid? actorId, DateTime at, Action<CaseEvent> fill)
    {
        var e = new CaseEvent { Id = Guid.CreateVersion7(new DateTimeOffset(at, TimeSpan.Zero)), CaseId = c.Id, At = at, Kind = kind, ActorId = actorId };
        fill(e);
        db.Add(e);
        return e;
    }

    private async Task<CaseResult> SaveAsync(Case c, CancellationToken cancellationToken)
    {
        c.Revision++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return new CaseResult.Done(c);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return new CaseResult.Stale();
        }
    }

    private string? Protect(string? value) => string.IsNullOrWhiteSpace(value) ? null : text.Protect(value.Trim());

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}

/// <summary>Audit event names of case processing; the activity page words them as <c>audit.{event}</c>.</summary>
public static class CaseAuditEvents
{
    public const string Opened = "case.opened";
    public const string Moved = "case.moved";
    public const string Returned = "case.returned";
    public const string Replied = "case.replied";
    public const string Withdrawn = NotificationEvents.CaseWithdrawn;
    public const string Assigned = "case.assigned";
    public const string NoteAdded = "case.note-added";
    public const string Escalated = "case.escalated";
    public const string FileDownloaded = "case.file-downloaded";
    public const string AnswersViewed = "case.answers-viewed";
}
