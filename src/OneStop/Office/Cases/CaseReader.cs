using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneStop.Cases;
using OneStop.Cases.Engine;
using OneStop.Cases.Workflows;
using OneStop.Forms;
using OneStop.Forms.Acknowledgement;
using OneStop.Forms.Answers;
using OneStop.Forms.Attachments;
using OneStop.Forms.Store;
using OneStop.Identity;
using OneStop.Identity.Profile;
using OneStop.Identity.Staff;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Office.Cases;

/// <summary>A line about the applicant: what, the value, and whether identity verification proved it.</summary>
public sealed record ApplicantDetail(string LabelKey, string Value, bool Verified);

/// <summary>Who applied: an account (with its profile's details) or a guest (with the contact address they gave).</summary>
public sealed record Applicant(bool Guest, bool IdentityVerified, IReadOnlyList<ApplicantDetail> Details);

/// <summary>A file on the case: one the applicant attached, or one an officer added.</summary>
public sealed record CaseFile(Guid Id, string Name, long Size, bool ByOfficer, DateTime At);

/// <summary>A timeline line in words (text already decrypted; staff see internal lines too).</summary>
public sealed record TimelineLine(CaseEvent Event, string Actor, string? From, string? To, string? Text, string? Assignee, CaseFile? Document);

/// <summary>Everything the case page shows, read in one go and scoped to the officer's department.</summary>
public sealed class CaseView
{
    public required Case Case { get; init; }
    public required LoadedWorkflow Workflow { get; init; }
    public required string ServiceName { get; init; }
    public required Applicant Applicant { get; init; }
    public required IReadOnlyList<AnswerSection> Answers { get; init; }
    /// <summary>Field ids the applicant changed in their latest reply.</summary>
    public required IReadOnlySet<string> Changed { get; init; }
    public required IReadOnlyList<CaseFile> Files { get; init; }
    public required IReadOnlyList<TimelineLine> Timeline { get; init; }
    public required IReadOnlyList<DepartmentPerson> People { get; init; }

    public string StateName(string? state, Text text) => CaseDirectory.StateName(Workflow.Definition, state, text);
}

/// <summary>
/// Reads a case for its page: the submission's answers (decrypted, worded as the applicant's check page
/// words them), the applicant's verified details, files and timeline. Every view of the answers is audited.
/// </summary>
public sealed class CaseReader(OneStopDb db, WorkflowStore workflows, FormStore forms, AnswerProtection protection,
    AnswerSummary summary, CaseText caseText, IProfileReader profiles, CaseDirectory directory, AuditLog audit, Text text)
{
    private static readonly string[] ProfileDetails = [ProfileFields.NameEnglish, ProfileFields.NameChinese, ProfileFields.Email, ProfileFields.Phone];

    /// <summary>The officer's department's case with this reference, or null (another department's cases are not found).</summary>
    public Task<Case?> FindAsync(ClaimsPrincipal officer, string reference, CancellationToken cancellationToken) =>
        db.Set<Case>().AsNoTracking().InDepartmentOf(officer, c => c.DepartmentCode).SingleOrDefaultAsync(c => c.Reference == reference, cancellationToken);

    /// <summary>The workflow version the case runs on.</summary>
    public async Task<WorkflowDefinition> WorkflowAsync(Case c, CancellationToken cancellationToken) =>
        (await workflows.VersionAsync(c.ServiceSlug, c.WorkflowVersion, cancellationToken)).Definition;

    public async Task<CaseView?> LoadAsync(ClaimsPrincipal officer, string reference, CancellationToken cancellationToken)
    {
        if (await FindAsync(officer, reference, cancellationToken) is not { } c) return null;
        var language = Languages.Current;
        var workflow = await workflows.VersionAsync(c.ServiceSlug, c.WorkflowVersion, cancellationToken);
        var serviceName = await db.Services.AsNoTracking().Where(s => s.Slug == c.ServiceSlug).Select(s => s.Name).FirstOrDefaultAsync(cancellationToken);
        var submission = await db.Set<Submission>().AsNoTracking().SingleAsync(s => s.Id == c.SubmissionId, cancellationToken);
        var people = await directory.PeopleAsync(officer, cancellationToken);

        var form = await forms.VersionAsync(submission.FormId, submission.Version, cancellationToken);
        var answers = form is null ? [] : summary.Build(form.Definition, protection.Unprotect(submission.Answers), language, Times.Day(submission.SubmittedAt));

        var events = await db.Set<CaseEvent>().AsNoTracking().Where(e => e.CaseId == c.Id).ToListAsync(cancellationToken);
        events = events.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToList();
        var changed = events.FirstOrDefault(e => e.Kind == CaseEventKind.ApplicantReplied)?.ChangedFields is { } json
            ? JsonSerializer.Deserialize<string[]>(json)?.ToHashSet(StringComparer.Ordinal) ?? []
            : new HashSet<string>(StringComparer.Ordinal);

        var files = await FilesAsync(c, cancellationToken);
        var timeline = await TimelineAsync(events, workflow.Definition, people, files, cancellationToken);

        if (answers.Count > 0)
        {
            audit.Record(CaseAuditEvents.AnswersViewed, officer.UserId(), c.ApplicantId, "case", c.Reference, null, c.DepartmentCode);
            await db.SaveChangesAsync(cancellationToken);
        }

        return new CaseView
        {
            Case = c,
            Workflow = workflow,
            ServiceName = serviceName?[language] ?? c.ServiceSlug,
            Applicant = await ApplicantAsync(c, submission, cancellationToken),
            Answers = answers,
            Changed = changed,
            Files = files,
            Timeline = timeline,
            People = people,
        };
    }

    private async Task<Applicant> ApplicantAsync(Case c, Submission submission, CancellationToken cancellationToken)
    {
        if (c.ApplicantId is not { } id)
        {
            var email = submission.ContactEmail is { } stored ? protection.UnprotectText(stored) : null;
            return new Applicant(true, false, email is null ? [] : [new ApplicantDetail("office.cases.applicant.email", email, false)]);
        }
        var verifiedAt = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => u.IdentityVerifiedAt).SingleOrDefaultAsync(cancellationToken);
        var values = await profiles.ReadAsync(id, ProfileDetails, cancellationToken);
        var details = ProfileDetails.Where(values.ContainsKey)
            .Select(f => new ApplicantDetail("office.cases.applicant." + f, values[f].Value, values[f].Verified))
            .ToList();
        return new Applicant(false, verifiedAt is not null, details);
    }

    private async Task<IReadOnlyList<CaseFile>> FilesAsync(Case c, CancellationToken cancellationToken)
    {
        var attached = await db.Set<FormAttachment>().AsNoTracking().Where(a => a.SubmissionId == c.SubmissionId)
            .Select(a => new { a.Id, a.FileName, a.Size, a.CreatedAt }).ToListAsync(cancellationToken);
        var documents = await db.Set<CaseDocument>().AsNoTracking().Where(d => d.CaseId == c.Id)
            .Select(d => new { d.Id, d.FileName, d.Size, d.UploadedAt }).ToListAsync(cancellationToken);
        return attached.Select(a => new CaseFile(a.Id, protection.UnprotectText(a.FileName), a.Size, false, a.CreatedAt))
            .Concat(documents.Select(d => new CaseFile(d.Id, caseText.Unprotect(d.FileName), d.Size, true, d.UploadedAt)))
            .OrderBy(f => f.ByOfficer).ThenBy(f => f.At)
            .ToList();
    }

    private async Task<IReadOnlyList<TimelineLine>> TimelineAsync(IReadOnlyList<CaseEvent> events, WorkflowDefinition workflow,
        IReadOnlyList<DepartmentPerson> people, IReadOnlyList<CaseFile> files, CancellationToken cancellationToken)
    {
        // People who left the department still appear on old lines: look their email up by id.
        var ids = events.SelectMany(e => new[] { e.ActorId, e.AssigneeId }).OfType<Guid>().Distinct()
            .Where(id => people.All(p => p.Id != id)).ToList();
        var others = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? "", cancellationToken);
        string Name(Guid? id) => id is { } i ? people.FirstOrDefault(p => p.Id == i)?.Email ?? others.GetValueOrDefault(i) ?? "" : "";

        return events.Select(e => new TimelineLine(
            e,
            e.ByApplicant ? text["office.cases.timeline.applicant"] : e.ActorId is null ? text["office.cases.timeline.system"] : Name(e.ActorId),
            e.FromState is null ? null : CaseDirectory.StateName(workflow, e.FromState, text),
            e.ToState is null ? null : CaseDirectory.StateName(workflow, e.ToState, text),
            caseText.UnprotectOrNull(e.Text),
            e.Kind == CaseEventKind.Assigned ? (e.AssigneeId is null ? null : Name(e.AssigneeId)) : null,
            e.DocumentId is { } doc ? files.FirstOrDefault(f => f.Id == doc) : null)).ToList();
    }
}
