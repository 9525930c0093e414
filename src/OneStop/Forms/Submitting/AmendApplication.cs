using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using OneStop.Forms.Answers;
using OneStop.Forms.Attachments;
using OneStop.Forms.Definitions;
using OneStop.Forms.Filling;
using OneStop.Forms.Prefill;
using OneStop.Forms.Store;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;
using OneStop.Platform.Outbox;

namespace OneStop.Forms.Submitting;

/// <summary>
/// Message to case processing that the applicant changed a sent application's answers (at the department's
/// request). Identifiers only: <see cref="Revision"/> names the <see cref="SubmissionRevision"/> that holds the
/// old answers and the applicant's message.
/// </summary>
public sealed record ApplicationAmended(Guid SubmissionId, string Reference, IReadOnlyList<string> ChangedFields, int Revision)
{
    public const string Topic = "forms.application-amended";
}

/// <summary>
/// Whether a sent application may be changed now. Case processing answers it (an application may be amended
/// only while its case waits for the applicant); Forms does not know about cases.
/// </summary>
public interface IAmendmentGate
{
    Task<bool> MayAmendAsync(Guid submissionId, CancellationToken cancellationToken);
}

public abstract record AmendResult
{
    /// <summary>Stored now, or earlier by the same draft (a double click).</summary>
    public sealed record Amended(string Reference) : AmendResult;
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : AmendResult;
    /// <summary>No answer differs from what was sent: nothing to send.</summary>
    public sealed record Unchanged : AmendResult;
    /// <summary>The application may not be changed now (its case is not waiting for the applicant).</summary>
    public sealed record NotAllowed : AmendResult;
}

/// <summary>
/// Changing a sent application when the department asks for a correction. The applicant gets an amendment
/// draft (a <see cref="FormDraft"/> with <see cref="FormDraft.AmendsSubmissionId"/>, holding the answers as
/// sent, on the same form version) and goes through the usual pages and check page. Sending it checks the
/// answers as a submission is checked, keeps the old answers in a <see cref="SubmissionRevision"/>, replaces
/// the submission's answers and hash, and writes <see cref="ApplicationAmended"/> and an audit entry, all in
/// one transaction. The draft is marked sent in that transaction (its revision is a concurrency token), so a
/// double click makes one revision.
/// </summary>
public sealed class AmendApplication(OneStopDb db, AnswerProtection protection, Outbox outbox, AuditLog audit, TimeProvider clock,
    LockCheck locks, IAmendmentGate gate, IOptions<FormsOptions> options)
{
    public const string Amended = "application.amended";

    /// <summary>
    /// The applicant's open amendment draft of <paramref name="submissionId"/> with <paramref name="message"/> on it,
    /// made from the answers as sent when there is none; null when the application is not theirs or may not be changed now.
    /// </summary>
    public async Task<FormDraft?> OpenDraftAsync(Guid userId, Guid submissionId, string? message, CancellationToken cancellationToken)
    {
        var submission = await db.Set<Submission>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == submissionId && s.UserId == userId, cancellationToken);
        if (submission is null || !await gate.MayAmendAsync(submissionId, cancellationToken)) return null;
        var now = clock.GetUtcNow().UtcDateTime;
        var draft = await db.Set<FormDraft>()
            .Where(d => d.AmendsSubmissionId == submissionId && d.UserId == userId && d.SubmissionId == null && d.ExpiresAt > now)
            .OrderByDescending(d => d.UpdatedAt).FirstOrDefaultAsync(cancellationToken);
        if (draft is null)
        {
            draft = new FormDraft
            {
                Id = Guid.CreateVersion7(),
                FormId = submission.FormId,
                Version = submission.Version,
                ServiceSlug = submission.ServiceSlug,
                UserId = userId,
                Answers = submission.Answers,
                AmendsSubmissionId = submissionId,
                CreatedAt = now,
            };
            db.Add(draft);
            // The prefill step was settled when the application was made: its locks (verified identity values) carry
            // over, and the person is not offered prefill again.
            var original = await db.Set<FormDraft>().AsNoTracking()
                .Where(d => d.SubmissionId == submissionId && d.AmendsSubmissionId == null).Select(d => (Guid?)d.Id).FirstOrDefaultAsync(cancellationToken);
            var prefill = original is { } o ? await db.Set<DraftPrefill>().AsNoTracking().SingleOrDefaultAsync(p => p.DraftId == o, cancellationToken) : null;
            db.Add(new DraftPrefill
            {
                DraftId = draft.Id,
                Outcome = prefill?.Outcome ?? PrefillOutcome.Skipped,
                ConsentReceiptId = prefill?.ConsentReceiptId,
                FilledFields = prefill?.FilledFields ?? "",
                LockedFields = prefill?.LockedFields ?? "",
                LockedValues = prefill?.LockedValues,
                DecidedAt = now,
            });
        }
        draft.AmendmentMessage = string.IsNullOrWhiteSpace(message) ? null : protection.ProtectText(message.Trim());
        draft.Language = Languages.Current.Tag();
        draft.UpdatedAt = now;
        draft.ExpiresAt = now + options.Value.DraftLifetime;
        draft.Revision++;
        await db.SaveChangesAsync(cancellationToken);
        return draft;
    }

    public async Task<AmendResult> RunAsync(Journey journey, CancellationToken cancellationToken = default)
    {
        var draft = journey.Draft;
        var submissionId = draft.AmendsSubmissionId ?? throw new InvalidOperationException("The draft is not an amendment.");
        var submission = await db.Set<Submission>().SingleAsync(s => s.Id == submissionId, cancellationToken);
        if (draft.SubmissionId is not null) return new AmendResult.Amended(submission.Reference);

        var definition = journey.Definition;
        var today = HongKongTime.Today(clock);
        var errors = FormRules.Validate(definition, journey.Answers, today);
        if (errors.Count > 0) return new AmendResult.Invalid(errors);
        var answers = FormRules.Prune(definition, journey.Answers, today);
        // A file is one sent with the application, or one uploaded to this amendment.
        var files = FileReferences(definition, answers);
        var held = files.Count == 0 ? [] : await db.Set<FormAttachment>()
            .Where(a => (a.DraftId == draft.Id && a.SubmissionId == null) || a.SubmissionId == submissionId).ToListAsync(cancellationToken);
        var unknown = files.Where(f => !held.Any(h => h.Id.ToString() == f.Id && h.Sha256 == f.Sha256 && h.Size == f.Size)).ToList();
        if (unknown.Count > 0) return new AmendResult.Invalid(unknown.Select(f => new FieldError(f.Field, "fileUnknown")).DistinctBy(e => e.Path).ToList());
        if (await locks.CheckAsync(draft.Id, definition, answers, today, cancellationToken) is { Count: > 0 } locked) return new AmendResult.Invalid(locked);
        if (!await gate.MayAmendAsync(submissionId, cancellationToken)) return new AmendResult.NotAllowed();

        var old = protection.Unprotect(submission.Answers);
        var changed = ChangedFields(definition, old, answers);
        if (changed.Count == 0) return new AmendResult.Unchanged();
        var (_, sha256) = AnswersHash.Of(answers);
        var number = await db.Set<SubmissionRevision>().Where(r => r.SubmissionId == submissionId).MaxAsync(r => (int?)r.Revision, cancellationToken) ?? 0;
        var now = clock.GetUtcNow().UtcDateTime;
        db.Add(new SubmissionRevision
        {
            Id = Guid.CreateVersion7(),
            SubmissionId = submissionId,
            Revision = number + 1,
            Answers = submission.Answers,
            AnswersHash = submission.AnswersHash,
            ChangedFields = JsonSerializer.Serialize(changed),
            Message = draft.AmendmentMessage,
            DraftId = draft.Id,
            ChangedBy = draft.UserId,
            ChangedAt = now,
        });
        submission.Answers = protection.Protect(answers);
        submission.AnswersHash = AnswersHash.Hex(sha256);
        draft.SubmissionId = submissionId;
        draft.Answers = "";
        draft.AmendmentMessage = null;
        draft.UpdatedAt = now;
        draft.Revision++;
        foreach (var attachment in held.Where(h => h.SubmissionId is null && files.Any(f => f.Id == h.Id.ToString()))) attachment.SubmissionId = submissionId;
        outbox.Add(ApplicationAmended.Topic, new ApplicationAmended(submissionId, submission.Reference, changed, number + 1));
        audit.Record(Amended, draft.UserId, submission.UserId, "application", submission.Reference, $"revision={number + 1};changed={changed.Count}", submission.DepartmentCode);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same draft was sent by another request (a double click), or another amendment took this revision number.
            db.ChangeTracker.Clear();
            var sent = await db.Set<FormDraft>().AsNoTracking().AnyAsync(d => d.Id == draft.Id && d.SubmissionId != null, cancellationToken);
            if (!sent) throw;
        }
        return new AmendResult.Amended(submission.Reference);
    }

    /// <summary>The ids of the questions whose canonical answer differs, in the form's order.</summary>
    public static IReadOnlyList<string> ChangedFields(FormDefinition definition, JsonObject before, JsonObject after)
    {
        var order = definition.Pages.SelectMany(p => p.Fields).Select(f => f.Id).ToList();
        var ids = before.Select(p => p.Key).Union(after.Select(p => p.Key)).Distinct(StringComparer.Ordinal)
            .OrderBy(id => order.IndexOf(id) is var i and >= 0 ? i : int.MaxValue).ThenBy(id => id, StringComparer.Ordinal);
        return ids.Where(id => AnswerValues.Canonical(before[id]) != AnswerValues.Canonical(after[id])).ToList();
    }

    private sealed record FileReference(string Field, string? Id, string? Sha256, long? Size);

    private static List<FileReference> FileReferences(FormDefinition form, JsonObject answers) =>
        form.AllFields.Where(f => f.Type == FieldType.File && answers[f.Id] is JsonArray)
            .SelectMany(f => ((JsonArray)answers[f.Id]!).Select(file => new FileReference(f.Id,
                AnswerValues.AsString(file?["id"]), AnswerValues.AsString(file?["sha256"]), (long?)AnswerValues.AsDecimal(file?["size"]))))
            .ToList();
}
