using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneStop.Forms.Answers;
using OneStop.Forms.Attachments;
using OneStop.Forms.Store;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;
using OneStop.Platform.Outbox;
using OneStop.Platform.References;

namespace OneStop.Forms.Submitting;

/// <summary>What to submit. <see cref="IdempotencyScope"/> + <see cref="IdempotencyKey"/> name the attempt: the same pair never makes a second submission.</summary>
public sealed record SubmitRequest(LoadedForm Form, JsonObject Answers, string IdempotencyScope, string IdempotencyKey, string Language)
{
    public string? ServiceSlug { get; init; }
    public Guid? UserId { get; init; }
    public string? ClientId { get; init; }
    public string? ContactEmail { get; init; }
    /// <summary>The draft being sent; it is marked sent in the same transaction.</summary>
    public Guid? DraftId { get; init; }
    public Guid? SignatureRequestId { get; init; }
    /// <summary>
    /// The caller has just looked for an earlier submission with this key and found none, or expects none and handles
    /// any other answer than a new acceptance by looking (a replay is then only answered when the earlier attempt was
    /// checked against the same version), so the look-up before the insert is not repeated.
    /// </summary>
    public bool EarlierChecked { get; init; }
    /// <summary>The caller knows no service starts with the form, so there is no fee to look for.</summary>
    public bool NoService { get; init; }
    /// <summary>Commit with other requests' submissions (<see cref="GroupCommit"/>) when the unit of work is only new rows.</summary>
    public bool CommitWithOthers { get; init; }
}

public abstract record SubmitResult
{
    /// <summary>Stored now, or earlier by the same attempt (<paramref name="Replayed"/>).</summary>
    public sealed record Accepted(Guid SubmissionId, string Reference, DateTime SubmittedAt, bool Replayed) : SubmitResult
    {
        /// <summary>The application waits for its fee (<see cref="Submission.HeldForPayment"/>).</summary>
        public bool HeldForPayment { get; init; }
    }
    public sealed record Invalid(IReadOnlyList<FieldError> Errors) : SubmitResult;
    /// <summary>The key was used before for different answers.</summary>
    public sealed record KeyReused : SubmitResult;
}

/// <summary>Message to case processing (and the acknowledgement) that an application arrived. Identifiers only.</summary>
public sealed record ApplicationSubmitted(Guid SubmissionId, string Reference, string FormId, int Version, string DepartmentCode, string? ServiceSlug)
{
    public const string Topic = "forms.application-submitted";
}

/// <summary>
/// Stores an application exactly once. The answers are checked by the same rules as every page, pruned of
/// what the form no longer asks, encrypted, and inserted with their outbox message and audit entry in one
/// transaction. A unique index on (scope, key) settles races: the loser finds the winner's row and answers
/// with it, so a double click, a resent request or a retry after a lost response all get the one reference.
/// </summary>
public sealed class SubmitApplication(OneStopDb db, GroupCommit group, ReferenceNumbers references, AnswerProtection protection,
    Outbox outbox, AuditLog audit, TimeProvider clock, Prefill.LockCheck locks, Declarations.SignatureCheck signatures,
    IEnumerable<ISubmissionCharges> charges)
{
    public async Task<SubmitResult> RunAsync(SubmitRequest request, CancellationToken cancellationToken = default)
    {
        var definition = request.Form.Definition;
        var today = HongKongTime.Today(clock);
        var errors = FormRules.Validate(definition, request.Answers, today);
        if (errors.Count > 0) return new SubmitResult.Invalid(errors);
        var answers = FormRules.Prune(definition, request.Answers, today);
        // Files are uploaded to a draft; any other file reference (from an API client, or edited) is refused.
        var files = FileReferences(definition, answers);
        var held = files.Count == 0 || request.DraftId is not { } heldBy ? []
            : await db.Set<FormAttachment>().Where(a => a.DraftId == heldBy && a.SubmissionId == null).ToListAsync(cancellationToken);
        var unknown = files.Where(f => !held.Any(h => h.Id.ToString() == f.Id && h.Sha256 == f.Sha256 && h.Size == f.Size)).ToList();
        if (unknown.Count > 0) return new SubmitResult.Invalid(unknown.Select(f => new FieldError(f.Field, "fileUnknown")).DistinctBy(e => e.Path).ToList());
        var (canonical, answersSha256) = AnswersHash.Of(answers);
        var answersHash = AnswersHash.Hex(answersSha256);
        // Answers locked to verified identity values stay those values; a declaration that asks for a signature has one over these answers.
        var refused = (await locks.CheckAsync(request.DraftId, definition, answers, today, cancellationToken)).ToList();
        if (await signatures.CheckAsync(definition, answers, today, request.UserId, request.SignatureRequestId, answersSha256, cancellationToken) is { } unsigned) refused.Add(unsigned);
        if (refused.Count > 0) return new SubmitResult.Invalid(refused);
        var requestHash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{request.Form.FormId}\n{request.Form.Version}\n{canonical}")));

        if (!request.EarlierChecked && await FindAsync(request, cancellationToken) is { } earlier) return Replay(earlier, requestHash);

        // Whole microseconds, as PostgreSQL stores them: a replay then answers the very time the first answer gave.
        var now = clock.GetUtcNow().UtcDateTime;
        now = now.AddTicks(-(now.Ticks % 10));
        var submission = new Submission
        {
            Id = Guid.CreateVersion7(),
            Reference = await references.NextAsync(request.Form.DepartmentCode, cancellationToken),
            FormId = request.Form.FormId,
            Version = request.Form.Version,
            DepartmentCode = request.Form.DepartmentCode,
            ServiceSlug = request.ServiceSlug,
            UserId = request.UserId,
            ClientId = request.ClientId,
            IdempotencyScope = request.IdempotencyScope,
            IdempotencyKey = request.IdempotencyKey,
            RequestHash = requestHash,
            Answers = protection.Protect(answers),
            AnswersHash = answersHash,
            SignatureRequestId = request.SignatureRequestId,
            ContactEmail = request.ContactEmail is null ? null : protection.ProtectText(request.ContactEmail),
            Language = request.Language,
            SubmittedAt = now,
        };
        db.Add(submission);
        // A service paid for on submission holds the application until the fee is paid; Payments then hands it on.
        if (!request.NoService) foreach (var charge in charges) submission.HeldForPayment |= await charge.HoldAsync(submission, answers, request.ContactEmail, cancellationToken);
        if (!submission.HeldForPayment) outbox.Add(ApplicationSubmitted.Topic, new ApplicationSubmitted(submission.Id, submission.Reference, submission.FormId,
            submission.Version, submission.DepartmentCode, submission.ServiceSlug));
        audit.Record(FormEvents.Submitted, request.UserId, request.UserId, "application", submission.Reference,
            $"form={submission.FormId};version={submission.Version}" + (request.ClientId is null ? "" : $";client={request.ClientId}"), submission.DepartmentCode);
        if (request.DraftId is { } draftId)
        {
            var draft = await db.Set<FormDraft>().SingleAsync(d => d.Id == draftId, cancellationToken);
            draft.SubmissionId = submission.Id;
            draft.Answers = "";
            foreach (var attachment in held.Where(h => files.Any(f => f.Id == h.Id.ToString()))) attachment.SubmissionId = submission.Id;
        }

        try
        {
            if (request.CommitWithOthers && GroupCommit.CanJoin(db)) await group.SaveAsync(db, cancellationToken);
            else await db.SaveChangesAsync(cancellationToken);
            return new SubmitResult.Accepted(submission.Id, submission.Reference, now, Replayed: false) { HeldForPayment = submission.HeldForPayment };
        }
        catch (GroupCommitFailedException)
        {
            // The shared transaction failed, perhaps for another request's row: this one is checked and stored again, alone.
            return await RunAsync(request with { CommitWithOthers = false, EarlierChecked = false }, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another request with the same key (or for the same draft) committed first.
            db.ChangeTracker.Clear();
            if (await FindAsync(request, cancellationToken) is { } winner) return Replay(winner, requestHash);
            throw;
        }
    }

    private sealed record FileReference(string Field, string? Id, string? Sha256, long? Size);

    private static List<FileReference> FileReferences(Definitions.FormDefinition form, JsonObject answers) =>
        form.AllFields.Where(f => f.Type == Definitions.FieldType.File && answers[f.Id] is JsonArray)
            .SelectMany(f => ((JsonArray)answers[f.Id]!).Select(file => new FileReference(f.Id,
                AnswerValues.AsString(file?["id"]), AnswerValues.AsString(file?["sha256"]), (long?)AnswerValues.AsDecimal(file?["size"]))))
            .ToList();

    private Task<Submission?> FindAsync(SubmitRequest request, CancellationToken cancellationToken) =>
        db.Set<Submission>().AsNoTracking()
            .SingleOrDefaultAsync(s => s.IdempotencyScope == request.IdempotencyScope && s.IdempotencyKey == request.IdempotencyKey, cancellationToken);

    private static SubmitResult Replay(Submission earlier, string requestHash) =>
        earlier.RequestHash == requestHash
            ? new SubmitResult.Accepted(earlier.Id, earlier.Reference, earlier.SubmittedAt, Replayed: true) { HeldForPayment = earlier.HeldForPayment }
            : new SubmitResult.KeyReused();
}
