using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneStop.Cases.Engine;
using OneStop.Cases.Workflows;
using OneStop.Forms;
using OneStop.Forms.Answers;
using OneStop.Forms.Store;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Cases.Applicants;

/// <summary>
/// One sent application as its applicant sees it: the submission, its case once opened (null before), the
/// workflow version the case is on, the applicant-visible timeline (text decrypted) and the answers as they
/// stand now.
/// </summary>
public sealed record ApplicantCase(
    Guid SubmissionId, string Reference, DateTime SubmittedAt, string DepartmentCode, LocalisedText Department, LocalisedText? Service,
    LoadedForm? Form, JsonObject Answers, Case? Case, WorkflowDefinition? Workflow, IReadOnlyList<ShownEvent> Timeline)
{
    public StateDefinition? State => Case is null ? null : Workflow?.State(Case.State);
    public bool WaitingForReply => Case?.State == BuiltInStates.ReturnedId;
    public bool MayWithdraw => Case is { ClosedAt: null };
    /// <summary>What the department asked for last (the request the applicant is answering).</summary>
    public string? Request => Timeline.LastOrDefault(e => e.Kind == CaseEventKind.ReturnedToApplicant)?.Text;
}

/// <summary>A timeline line the applicant may see: never internal lines, never who on the staff did it.</summary>
public sealed record ShownEvent(DateTime At, CaseEventKind Kind, string? FromState, string? ToState, string? ActionId, string? Text, IReadOnlyList<string> ChangedFields);

/// <summary>Finds a person's own sent applications and their cases; another person's are never found (pages answer 404).</summary>
public sealed class ApplicantCases(OneStopDb db, WorkflowStore workflows, FormStore forms, AnswerProtection protection, CaseText text)
{
    public async Task<ApplicantCase?> FindAsync(Guid userId, string reference, CancellationToken cancellationToken)
    {
        var submission = await db.Set<Submission>().AsNoTracking()
            .Where(s => s.Reference == reference && s.UserId == userId)
            .Select(s => new { s.Id, s.Reference, s.SubmittedAt, s.DepartmentCode, s.ServiceSlug, s.FormId, s.Version, s.Answers })
            .SingleOrDefaultAsync(cancellationToken);
        if (submission is null) return null;
        var c = await db.Set<Case>().AsNoTracking().SingleOrDefaultAsync(x => x.SubmissionId == submission.Id && x.ApplicantId == userId, cancellationToken);
        var workflow = c is null ? null : (await workflows.VersionAsync(c.ServiceSlug, c.WorkflowVersion, cancellationToken)).Definition;
        var slug = c?.ServiceSlug ?? submission.ServiceSlug;
        var service = slug is null ? null : await db.Services.AsNoTracking().Where(s => s.Slug == slug).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken);
        var department = await db.Departments.AsNoTracking().Where(d => d.Code == submission.DepartmentCode).Select(d => d.Name).SingleOrDefaultAsync(cancellationToken)
            ?? new LocalisedText(submission.DepartmentCode, submission.DepartmentCode, submission.DepartmentCode);
        var timeline = c is null ? [] : await TimelineAsync(c.Id, cancellationToken);
        return new ApplicantCase(submission.Id, submission.Reference, submission.SubmittedAt, submission.DepartmentCode, department, service,
            await forms.VersionAsync(submission.FormId, submission.Version, cancellationToken), protection.Unprotect(submission.Answers),
            c, workflow, timeline);
    }

    /// <summary>The events the applicant may see, oldest first, their text decrypted.</summary>
    private async Task<List<ShownEvent>> TimelineAsync(Guid caseId, CancellationToken cancellationToken)
    {
        var shown = new[] { CaseEventKind.Received, CaseEventKind.Moved, CaseEventKind.ReturnedToApplicant, CaseEventKind.ApplicantReplied, CaseEventKind.Withdrawn };
        var events = await db.Set<CaseEvent>().AsNoTracking()
            .Where(e => e.CaseId == caseId && !e.Internal && shown.Contains(e.Kind))
            .OrderBy(e => e.At).ThenBy(e => e.Id)
            .Select(e => new { e.At, e.Kind, e.FromState, e.ToState, e.ActionId, e.Text, e.ChangedFields })
            .ToListAsync(cancellationToken);
        return events.Select(e => new ShownEvent(e.At, e.Kind, e.FromState, e.ToState, e.ActionId, text.UnprotectOrNull(e.Text),
            e.ChangedFields is null ? [] : JsonSerializer.Deserialize<List<string>>(e.ChangedFields) ?? [])).ToList();
    }
}
