using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneStop.Forms.Answers;
using OneStop.Forms.Definitions;
using OneStop.Forms.Filling;
using OneStop.Identity.Consent;
using OneStop.Identity.Profile;
using OneStop.Platform.Audit;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Forms.Prefill;

/// <summary>What applying a granted consent did.</summary>
public abstract record PrefillResult
{
    public sealed record Applied(int Filled) : PrefillResult;
    /// <summary>The receipt is not valid now, not this person's, or does not cover the form's fields.</summary>
    public sealed record NoValidReceipt : PrefillResult;
    public sealed record AlreadyDecided : PrefillResult;
}

/// <summary>
/// Prefill with consent (docs/forms/prefill-and-signing.md): offer once per account holder's draft, ask OneStop ID's
/// consent screen for the profile fields the form maps, and on a valid receipt write the values into empty answers,
/// locking those that came from verified values of fields marked <c>lockVerified</c>.
/// </summary>
public sealed class Prefills(OneStopDb db, PendingConsents pending, ConsentReceipts receipts, IProfileReader profiles,
    AnswerProtection protection, SaveAnswers save, AuditLog audit, TimeProvider clock, Text text)
{
    /// <summary>Long enough to come back from the consent screen; the values are read once, right then.</summary>
    public static readonly TimeSpan ReceiptDuration = TimeSpan.FromDays(1);

    public static string PrefillPath(Guid draftId) => $"/applications/{draftId}/prefill";

    public static string PurposeCode(string formId) => "forms:" + formId;

    /// <summary>The form's fields that name a profile field (never inside a group: DefinitionCheck refuses that).</summary>
    public static IReadOnlyList<FieldDefinition> PrefillFields(FormDefinition form) => form.AllFields.Where(f => f.Prefill is not null).ToList();

    public static IReadOnlyList<string> ProfileFieldsOf(FormDefinition form) =>
        ProfileFields.All.Where(p => PrefillFields(form).Any(f => f.Prefill == p)).ToList();

    /// <summary>Whether the draft is of the kind that is offered prefill: an account holder's, unsent, of a form with prefill fields.</summary>
    public static bool Offers(Journey journey) => journey.Draft.UserId is not null && !journey.Sent && PrefillFields(journey.Definition).Count > 0;

    public Task<DraftPrefill?> FindAsync(Guid draftId, CancellationToken cancellationToken) =>
        db.Set<DraftPrefill>().AsNoTracking().SingleOrDefaultAsync(p => p.DraftId == draftId, cancellationToken);

    /// <summary>Offered and not answered yet: the draft's pages send the person to the prefill step first.</summary>
    public async Task<bool> ShouldOfferAsync(Journey journey, CancellationToken cancellationToken) =>
        Offers(journey) && await FindAsync(journey.Draft.Id, cancellationToken) is null;

    /// <summary>The answers that cannot change, with their values; empty for a draft with none.</summary>
    public async Task<Locks> LocksAsync(Guid draftId, CancellationToken cancellationToken)
    {
        var row = await FindAsync(draftId, cancellationToken);
        return row?.LockedValues is { } stored ? new Locks(row.LockedList.ToHashSet(StringComparer.Ordinal), protection.Unprotect(stored)) : Locks.None;
    }

    /// <summary>A consent request for the form's profile fields; the caller sends the person to <c>/account/consent/{id}</c>.</summary>
    public async Task<Guid> AskAsync(Journey journey, CancellationToken cancellationToken)
    {
        var language = Languages.Current;
        var department = await db.Departments.AsNoTracking().Where(d => d.Code == journey.Form.DepartmentCode)
            .Select(d => d.Name).SingleOrDefaultAsync(cancellationToken);
        var request = new ConsentRequest(ConsentRecipientType.Department, journey.Form.DepartmentCode,
            department?[language] ?? journey.Form.DepartmentCode, PurposeCode(journey.Form.FormId),
            text["forms.prefill.purpose", journey.Definition.Title[language]], ProfileFieldsOf(journey.Definition), ReceiptDuration);
        return await pending.CreateAsync(journey.Draft.UserId!.Value, request, PrefillPath(journey.Draft.Id), cancellationToken);
    }

    /// <summary>Records that the person will fill in the form themselves (skipped, declined or the request expired).</summary>
    public async Task DecideAsync(Journey journey, PrefillOutcome outcome, CancellationToken cancellationToken)
    {
        db.Add(new DraftPrefill { DraftId = journey.Draft.Id, Outcome = outcome, DecidedAt = clock.GetUtcNow().UtcDateTime });
        await SaveOnceAsync(cancellationToken);
    }

    /// <summary>
    /// Checks the receipt again (never the query alone), reads the values and writes them into the answers the
    /// person has not given; values proved by identity verification lock fields marked <c>lockVerified</c>.
    /// </summary>
    public async Task<PrefillResult> ApplyAsync(Journey journey, Guid receiptId, CancellationToken cancellationToken)
    {
        if (await FindAsync(journey.Draft.Id, cancellationToken) is not null) return new PrefillResult.AlreadyDecided();
        var userId = journey.Draft.UserId!.Value;
        var wanted = ProfileFieldsOf(journey.Definition);
        var receipt = await receipts.FindValidAsync(userId, journey.Form.DepartmentCode, PurposeCode(journey.Form.FormId), wanted, cancellationToken);
        if (receipt is null || receipt.Id != receiptId) return new PrefillResult.NoValidReceipt();

        var values = await profiles.ReadAsync(userId, wanted, cancellationToken);
        var filled = new List<string>();
        var locked = new JsonObject();
        JsonObject Fill(JsonObject answers)
        {
            filled.Clear();
            locked.Clear();
            foreach (var field in PrefillFields(journey.Definition))
            {
                if (!values.TryGetValue(field.Prefill!, out var value) || PrefillValues.ToAnswer(field, value.Value) is not { } answer) continue;
                // Never over what the person typed: only empty answers are filled.
                if (AnswerValues.IsAnswered(answers[field.Id])) continue;
                answers[field.Id] = answer;
                filled.Add(field.Id);
                if (field.LockVerified && value.Verified) locked[field.Id] = answer.DeepClone();
            }
            journey.Draft.ConsentReceiptId = receipt.Id;
            return answers;
        }

        var row = new DraftPrefill { DraftId = journey.Draft.Id, Outcome = PrefillOutcome.Applied, ConsentReceiptId = receipt.Id, DecidedAt = clock.GetUtcNow().UtcDateTime };
        db.Add(row);
        var entry = audit.Record(PrefillEvents.Applied, userId, userId, "application-draft", journey.Draft.Id.ToString(), null, journey.Form.DepartmentCode);
        // Saved with the answers, in SaveAnswers' one SaveChanges (again on a retry after another tab's save).
        await save.SaveAsync(journey, answers =>
        {
            var result = Fill(answers);
            row.FilledFields = string.Join(' ', filled);
            row.LockedFields = string.Join(' ', locked.Select(p => p.Key));
            row.LockedValues = locked.Count == 0 ? null : protection.Protect(locked);
            entry.Detail = $"form={journey.Form.FormId};receipt={receipt.Id};filled={row.FilledFields};locked={row.LockedFields}";
            return result;
        }, cancellationToken);
        return new PrefillResult.Applied(filled.Count);
    }

    /// <summary>Two tabs deciding at once: the first decision stands, the second finds the row there.</summary>
    private async Task SaveOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }
    }
}

/// <summary>Answers a draft's person cannot change (values from their verified identity), and those values.</summary>
public sealed record Locks(IReadOnlySet<string> Fields, JsonObject Values)
{
    public static readonly Locks None = new(new HashSet<string>(), new JsonObject());

    public bool Contains(string fieldId) => Fields.Contains(fieldId);

    /// <summary>The answers with every locked value put back, whatever was posted (pruning drops those the form no longer asks).</summary>
    public JsonObject Apply(JsonObject answers)
    {
        foreach (var (id, value) in Values) answers[id] = value?.DeepClone();
        return answers;
    }
}
