using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using OneStop.Cases.Engine;
using OneStop.Cases.Workflows;
using OneStop.Forms;
using OneStop.Forms.Answers;
using OneStop.Forms.Submitting;
using OneStop.Platform.Database;
using OneStop.Platform.Outbox;

namespace OneStop.Cases.Applicants;

/// <summary>Answers Forms' question "may this application be changed now?": only while its case waits for the applicant.</summary>
public sealed class CaseAmendmentGate(OneStopDb db) : IAmendmentGate
{
    public Task<bool> MayAmendAsync(Guid submissionId, CancellationToken cancellationToken) =>
        db.Set<Case>().AnyAsync(c => c.SubmissionId == submissionId && c.State == BuiltInStates.ReturnedId, cancellationToken);
}

/// <summary>
/// The applicant changed their answers (<see cref="ApplicationAmended"/>): that is their reply to the request,
/// with the message they sent with it and the changed fields for the officer to see. At least once in, one
/// reply out: a reply with changes made since the amendment, or a newer request, means the work is done.
/// </summary>
public sealed class ReplyWithAmendment(OneStopDb db, CaseActions actions, AnswerProtection protection, ILogger<ReplyWithAmendment> logger) : IOutboxHandler
{
    public string Topic => ApplicationAmended.Topic;

    public async Task HandleAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        var amended = JsonSerializer.Deserialize<ApplicationAmended>(message.Payload, JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The message has no payload.");
        var revision = await db.Set<SubmissionRevision>().AsNoTracking()
            .SingleAsync(r => r.SubmissionId == amended.SubmissionId && r.Revision == amended.Revision, cancellationToken);
        var c = await db.Set<Case>().SingleOrDefaultAsync(x => x.SubmissionId == amended.SubmissionId, cancellationToken);
        if (c is null)
        {
            logger.LogWarning("Amendment of {Reference} has no case", amended.Reference);
            return;
        }
        var done = await db.Set<CaseEvent>().AnyAsync(e => e.CaseId == c.Id
            && ((e.Kind == CaseEventKind.ApplicantReplied && e.ChangedFields != null && e.At >= revision.ChangedAt)
                || (e.Kind == CaseEventKind.ReturnedToApplicant && e.At > revision.ChangedAt)), cancellationToken);
        if (done) return;

        var text = revision.Message is { } stored ? protection.UnprotectText(stored) : null;
        switch (await actions.ReplyAsync(c, c.ApplicantId, null, text, amended.ChangedFields, cancellationToken))
        {
            case CaseResult.Stale:
                // The case changed under us: the outbox hands the message over again.
                throw new DbUpdateConcurrencyException("The case changed while the reply was being recorded.");
            case CaseResult.Refused refused:
                // Withdrawn or answered another way between the amendment and now: the answers are changed, the case goes on as it is.
                logger.LogWarning("Amendment of {Reference} was not recorded as a reply: {Code}", amended.Reference, refused.Why.Code);
                break;
        }
    }
}
