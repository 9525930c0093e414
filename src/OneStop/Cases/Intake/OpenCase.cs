using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneStop.Cases.Calendar;
using OneStop.Cases.Engine;
using OneStop.Cases.Workflows;
using OneStop.Forms;
using OneStop.Forms.Submitting;
using OneStop.Notifications;
using OneStop.Notifications.Templates;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Outbox;

namespace OneStop.Cases.Intake;

/// <summary>
/// Opens a case for each submitted application, on the current version of its service's workflow, with its
/// targets counted in working days from the submission. At least once in, exactly one case out: a case
/// already there for the submission ends the work, and the unique index on the submission settles a race.
/// </summary>
public sealed class OpenCase(OneStopDb db, WorkflowStore workflows, WorkingCalendar calendar, CaseNotices notices,
    AuditLog audit, ILogger<OpenCase> logger) : IOutboxHandler
{
    public string Topic => ApplicationSubmitted.Topic;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var submitted = JsonSerializer.Deserialize<ApplicationSubmitted>(message.Payload, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The message has no payload.");
        if (await db.Set<Case>().AnyAsync(c => c.SubmissionId == submitted.SubmissionId, cancellationToken)) return;
        var submission = await db.Set<Submission>().AsNoTracking()
            .Where(s => s.Id == submitted.SubmissionId)
            .Select(s => new { s.Reference, s.DepartmentCode, s.ServiceSlug, s.FormId, s.UserId, s.Language, s.SubmittedAt })
            .SingleAsync(cancellationToken);

        // Applications sent through the API may name no service: the service the form starts stands in.
        var slug = submission.ServiceSlug
            ?? await db.Services.Where(s => s.StartFormId == submission.FormId).OrderBy(s => s.Id).Select(s => s.Slug).FirstOrDefaultAsync(cancellationToken)
            ?? submission.FormId;
        var workflow = await workflows.CurrentAsync(slug, cancellationToken);
        var pledgeDays = workflow.Version == DefaultWorkflow.Version
            ? await db.Services.Where(s => s.Slug == slug).Select(s => s.PledgedWorkingDays).FirstOrDefaultAsync(cancellationToken) ?? workflow.Definition.Pledge.WorkingDays
            : workflow.Definition.Pledge.WorkingDays;

        var received = submission.SubmittedAt;
        var start = workflow.Definition.State(workflow.Definition.Start)!;
        var days = await calendar.AroundAsync(received, Math.Max(pledgeDays, start.WorkingDays ?? 0), cancellationToken);
        var c = new Case
        {
            Id = Guid.CreateVersion7(new DateTimeOffset(received, TimeSpan.Zero)),
            Reference = submission.Reference,
            SubmissionId = submitted.SubmissionId,
            DepartmentCode = submission.DepartmentCode,
            ServiceSlug = slug,
            WorkflowVersion = workflow.Version,
            State = start.Id,
            ApplicantId = submission.UserId,
            Language = submission.Language,
            ReceivedAt = received,
            CaseDueAt = days.DueAt(received, pledgeDays),
        };
        CaseMoves.Enter(c, start, received, days);
        db.Add(c);
        var opened = new CaseEvent
        {
            Id = Guid.CreateVersion7(new DateTimeOffset(received, TimeSpan.Zero)),
            CaseId = c.Id, At = received, Kind = CaseEventKind.Received, ToState = start.Id, ActorId = submission.UserId, ByApplicant = true,
        };
        db.Add(opened);
        audit.Record(CaseAuditEvents.Opened, null, submission.UserId, "case", c.Reference, $"workflow={slug}@{workflow.Version}", c.DepartmentCode);
        await notices.TellApplicantAsync(c, opened, NotificationEvents.CaseReceived, start, null, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (!await db.Set<Case>().AnyAsync(x => x.SubmissionId == submitted.SubmissionId, cancellationToken)) throw;
            // Another node opened it between our check and our insert: the work is done.
            logger.LogInformation("Case for {Reference} was opened by another pass", c.Reference);
        }
    }
}
