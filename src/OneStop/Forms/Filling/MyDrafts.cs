using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using OneStop.Forms.Answers;
using OneStop.Forms.Store;
using OneStop.Platform.Database;
using OneStop.Platform.Localisation;

namespace OneStop.Forms.Filling;

/// <summary>An unsent draft in a list: what it is, when it was saved, when it goes, and where to carry on.</summary>
public sealed record DraftSummary(Guid Id, LocalisedText FormTitle, DateTime UpdatedAt, DateTime ExpiresAt, string ContinuePath);

/// <summary>
/// A sent application in a list; <see cref="DraftId"/> is null when it was sent another way (the API), which has no
/// acknowledgement page here. <see cref="Progress"/> says where it stands (case processing), when known.
/// </summary>
public sealed record SentSummary(string Reference, LocalisedText FormTitle, DateTime SubmittedAt, Guid? DraftId)
{
    public ApplicationProgress? Progress { get; init; }
}

/// <summary>The drafts and applications a person sees on "My applications" and on a service's start page.</summary>
public sealed class MyDrafts(OneStopDb db, FormStore forms, AnswerProtection protection, TimeProvider clock, IEnumerable<IApplicationProgress> progress)
{
    private const int Shown = 50;

    public async Task<List<DraftSummary>> UnsentAsync(Guid userId, string? formId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var drafts = await db.Set<FormDraft>().AsNoTracking()
            // Amendments of sent applications are reached from the application's page, not listed as drafts.
            .Where(d => d.UserId == userId && d.SubmissionId == null && d.AmendsSubmissionId == null && d.ExpiresAt > now && (formId == null || d.FormId == formId))
            .OrderByDescending(d => d.UpdatedAt).Take(Shown).ToListAsync(cancellationToken);
        return await SummariesAsync(drafts, cancellationToken);
    }

    /// <summary>A guest's unsent drafts of a form: those whose resume secret this browser holds.</summary>
    public async Task<List<DraftSummary>> GuestUnsentAsync(HttpRequest request, string formId, CancellationToken cancellationToken)
    {
        var ids = DraftAccess.GuestDraftIds(request).ToList();
        if (ids.Count == 0) return [];
        var now = clock.GetUtcNow().UtcDateTime;
        var drafts = await db.Set<FormDraft>().AsNoTracking()
            .Where(d => ids.Contains(d.Id) && d.UserId == null && d.SubmissionId == null && d.ExpiresAt > now && d.FormId == formId)
            .OrderByDescending(d => d.UpdatedAt).ToListAsync(cancellationToken);
        return await SummariesAsync(drafts.Where(d => DraftAccess.HoldsGuestSecret(request, d)).ToList(), cancellationToken);
    }

    public async Task<List<SentSummary>> SentAsync(Guid userId, CancellationToken cancellationToken)
    {
        var sent = await db.Set<Submission>().AsNoTracking()
            .Where(s => s.UserId == userId)
            .OrderByDescending(s => s.SubmittedAt).Take(Shown)
            .Select(s => new { s.Id, s.Reference, s.FormId, s.SubmittedAt }).ToListAsync(cancellationToken);
        var ids = sent.Select(s => (Guid?)s.Id).ToList();
        var drafts = await db.Set<FormDraft>().AsNoTracking()
            .Where(d => d.UserId == userId && ids.Contains(d.SubmissionId) && d.AmendsSubmissionId == null)
            .Select(d => new { d.Id, d.SubmissionId }).ToListAsync(cancellationToken);
        var titles = await TitlesAsync(sent.Select(s => s.FormId), cancellationToken);
        var standing = progress.FirstOrDefault() is { } p ? await p.ForAsync(userId, sent.Select(s => s.Id).ToList(), cancellationToken) : null;
        return sent.Select(s => new SentSummary(s.Reference, titles.GetValueOrDefault(s.FormId, LocalisedText.Empty), s.SubmittedAt,
            drafts.FirstOrDefault(d => d.SubmissionId == s.Id)?.Id) { Progress = standing?.GetValueOrDefault(s.Id) }).ToList();
    }

    private async Task<List<DraftSummary>> SummariesAsync(List<FormDraft> drafts, CancellationToken cancellationToken)
    {
        var titles = await TitlesAsync(drafts.Select(d => d.FormId), cancellationToken);
        var today = HongKongTime.Today(clock);
        var list = new List<DraftSummary>();
        foreach (var draft in drafts)
        {
            if (await forms.VersionAsync(draft.FormId, draft.Version, cancellationToken) is not { } form) continue;
            var answers = draft.Answers.Length == 0 ? new JsonObject() : protection.Unprotect(draft.Answers);
            var journey = new Journey(draft, form, answers, today);
            list.Add(new DraftSummary(draft.Id, titles.GetValueOrDefault(draft.FormId, form.Definition.Title.ToLocalised()), draft.UpdatedAt, draft.ExpiresAt, journey.ContinuePath));
        }
        return list;
    }

    private async Task<Dictionary<string, LocalisedText>> TitlesAsync(IEnumerable<string> formIds, CancellationToken cancellationToken)
    {
        var ids = formIds.Distinct().ToList();
        return await db.Set<Form>().AsNoTracking().Where(f => ids.Contains(f.Id)).ToDictionaryAsync(f => f.Id, f => f.Title, cancellationToken);
    }
}
